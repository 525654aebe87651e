import type { PatternKind, Swatch } from './chart-palette';

const SIZE = 8;

/** What is drawn over a series' fill, in its ink, so that a series is told by its pattern as well as its colour. */
function Overlay({ kind, ink }: { kind: PatternKind; ink: string }) {
  const line = { stroke: ink, strokeWidth: 1.25, strokeOpacity: 0.45 };
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d={`M-2,2 l4,-4 M0,${SIZE} l${SIZE},-${SIZE} M${SIZE - 2},${SIZE + 2} l4,-4`} {...line} />;
    case 'horizontal':
      return <path d={`M0,${SIZE / 2} h${SIZE}`} {...line} />;
    case 'dots':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.5} fill={ink} fillOpacity={0.45} />;
    case 'cross':
      return <path d={`M0,0 l${SIZE},${SIZE} M${SIZE},0 l-${SIZE},${SIZE}`} {...line} />;
  }
}

/** The fill of a series drawn with ChartPatterns: its pattern, by the same prefix and key. */
export const patternFill = (prefix: string, key: string) => `url(#${prefix}-${key})`;

/**
 * The patterns of a chart's series, as SVG patterns `<prefix>-<key>` (see `patternFill`): the
 * series' colour with its pattern over it. Drawn in an SVG of no size beside the chart; any SVG of
 * the page may use them.
 */
export function ChartPatterns({ prefix, series }: { prefix: string; series: readonly { key: string; swatch: Swatch }[] }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {series.map(({ key, swatch }) => (
          <pattern key={key} id={`${prefix}-${key}`} patternUnits="userSpaceOnUse" width={SIZE} height={SIZE}>
            <rect width={SIZE} height={SIZE} fill={swatch.fill} />
            <Overlay kind={swatch.pattern} ink={swatch.ink} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A legend's swatch: a small square with the series' pattern (the patterns must be on the page). */
export function PatternSwatch({ prefix, seriesKey, size = 14 }: { prefix: string; seriesKey: string; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" style={{ flex: 'none', verticalAlign: 'middle' }}>
      <rect width={size} height={size} fill={patternFill(prefix, seriesKey)} stroke="#343a40" strokeWidth={1} />
    </svg>
  );
}
