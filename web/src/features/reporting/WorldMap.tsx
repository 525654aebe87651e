import { useMemo } from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';

export interface MapCategory {
  id: string;
  label: string;
  colour: string;
}

const WIDTH = 960;
const HEIGHT = 500;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * The world from world-atlas (Natural Earth, 1:110m), one path per country, coloured by the category of
 * the State with the same M49 code. The map is a picture: its data is given again in a table beside it.
 */
export function WorldMap({ categoryOf, categories, label }: { categoryOf: (m49: string) => string | null; categories: MapCategory[]; label: string }) {
  const shapes = useMemo(() => {
    const countries = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
    const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
    const path = geoPath(projection);
    return countries.map((c, i) => ({ key: `${String(c.id ?? 'x')}-${i}`, m49: c.id === undefined ? null : String(c.id).padStart(3, '0'), d: path(c) ?? '' }));
  }, []);
  const colours = new Map(categories.map((c) => [c.id, c.colour]));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="world-map" style={{ inlineSize: '100%', blockSize: 'auto', maxInlineSize: '60rem' }}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#eef4fa" />
      {shapes.map((s) => {
        const category = s.m49 ? categoryOf(s.m49) : null;
        return <path key={s.key} d={s.d} data-m49={s.m49 ?? ''} data-category={category ?? 'none'} fill={category ? (colours.get(category) ?? '#ffffff') : '#ffffff'} stroke="#555" strokeWidth={0.5} />;
      })}
    </svg>
  );
}
