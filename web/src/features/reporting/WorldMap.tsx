import { useId, useMemo } from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';
import { CHART, type Swatch } from '../../ui/chart-palette';
import { ChartPatterns, patternFill, PatternSwatch } from '../../ui/ChartPatterns';
import classes from './reporting.module.css';

export interface MapCategory {
  id: string;
  label: string;
  /** From the charts' palette (ui/chart-palette): its colour and pattern. */
  swatch: Swatch;
}

const WIDTH = 960;
const HEIGHT = 500;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/**
 * The world from world-atlas (Natural Earth, 1:110m), one path per country, filled with the colour and
 * pattern of the category of the State with the same M49 code, and its legend (`notAState`: the entry
 * for the territories that are not States, when the map shows them). The map is a picture: its data is
 * given again in a table beside it.
 */
export function WorldMap({
  categoryOf,
  categories,
  label,
  legendLabel,
  notAState,
}: {
  categoryOf: (m49: string) => string | null;
  categories: MapCategory[];
  label: string;
  legendLabel: string;
  notAState?: string;
}) {
  const prefix = `map${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const shapes = useMemo(() => {
    const countries = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
    const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
    const path = geoPath(projection);
    return countries.map((c, i) => ({ key: `${String(c.id ?? 'x')}-${i}`, m49: c.id === undefined ? null : String(c.id).padStart(3, '0'), d: path(c) ?? '' }));
  }, []);
  const known = new Set(categories.map((c) => c.id));
  return (
    <>
    <ChartPatterns prefix={prefix} series={categories.map((c) => ({ key: c.id, swatch: c.swatch }))} />
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="world-map" style={{ inlineSize: '100%', blockSize: 'auto', maxInlineSize: '60rem' }}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill={CHART.sea} />
      {shapes.map((s) => {
        const category = s.m49 ? categoryOf(s.m49) : null;
        return <path key={s.key} d={s.d} data-m49={s.m49 ?? ''} data-category={category ?? 'none'} fill={category && known.has(category) ? patternFill(prefix, category) : CHART.notAState} stroke={CHART.border} strokeWidth={0.5} />;
      })}
    </svg>
    <ul className={classes.legend} aria-label={legendLabel}>
      {categories.map((c) => (
        <li key={c.id}>
          <PatternSwatch prefix={prefix} seriesKey={c.id} />
          <span className={classes.legendText}>{c.label}</span>
        </li>
      ))}
      {notAState ? (
        <li>
          <svg width={14} height={14} aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle' }}>
            <rect width={14} height={14} fill={CHART.notAState} stroke={CHART.border} strokeWidth={1} />
          </svg>
          <span className={classes.legendText}>{notAState}</span>
        </li>
      ) : null}
    </ul>
    </>
  );
}
