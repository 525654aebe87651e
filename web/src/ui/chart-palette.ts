/**
 * The colours of every chart and map of the platform, in one place: the reporting analysis (stacked
 * bars of implementation status and of participation, the world map), capacity-building's analysis
 * (its map and the bars of its tables) and the points of contact's checks (the trend chart).
 *
 * Chosen for WCAG 2.2's 1.4.11 (non-text contrast): every filled shape reaches 3:1 against the
 * background it stands on and against the colour it touches (the next part of a stacked bar, a
 * neighbouring country), so the colours alternate dark and mid-light; every text drawn on a chart
 * or on a shape reaches 4.5:1 (1.4.3). `test/chart-palette.test.ts` checks all of it from these
 * tables. Colour is never the only cue: each series also has a pattern of its own (ChartPatterns)
 * and the charts write their values and names on themselves or in a table beside them.
 *
 * The app has one colour scheme, light (main.tsx forces it): there is no dark palette to keep.
 */

/** The fill of a series, the colour of text written on it, and the pattern drawn over it. */
export interface Swatch {
  fill: string;
  /** Text on the fill (a value written on a bar): 4.5:1 against `fill`. */
  ink: string;
  pattern: PatternKind;
}

export type PatternKind = 'solid' | 'diagonal' | 'horizontal' | 'dots' | 'cross';

/** What charts stand on, the text of their axes and legends, their grid, and the borders of a map. */
export const CHART = {
  background: '#ffffff',
  text: '#343a40',
  grid: '#adb5bd',
  /** The sea of the world map, and the outline of each country on it. */
  sea: '#eef4fa',
  border: '#555555',
  /** A territory that is not a State: the map's white, told from the sea by its outline. */
  notAState: '#ffffff',
} as const;

const DARK_GREEN: Swatch = { fill: '#103f24', ink: '#ffffff', pattern: 'solid' };
const MID_GREEN: Swatch = { fill: '#57a23e', ink: '#000000', pattern: 'diagonal' };
const DARK_BROWN: Swatch = { fill: '#512f00', ink: '#ffffff', pattern: 'horizontal' };
const SALMON: Swatch = { fill: '#e86a61', ink: '#000000', pattern: 'dots' };
const DARK_GREY: Swatch = { fill: '#33373c', ink: '#ffffff', pattern: 'cross' };
const DARK_BLUE: Swatch = { fill: '#14385d', ink: '#ffffff', pattern: 'solid' };
const MID_GREY: Swatch = { fill: '#878c92', ink: '#000000', pattern: 'diagonal' };

/** The status of implementation a report gives a norm or CBM, in the order the bars stack. */
export const STATUS_PALETTE = {
  implemented: DARK_GREEN,
  'in-progress': MID_GREEN,
  planned: DARK_BROWN,
  'not-started': SALMON,
  'not-applicable': DARK_GREY,
} as const satisfies Record<string, Swatch>;

/** Whether a State reported in a cycle, on the map and in the bars by regional group (in that order). */
export const PARTICIPATION_PALETTE = {
  reported: DARK_BLUE,
  notReported: MID_GREY,
} as const satisfies Record<string, Swatch>;

/** Capacity-building's map (a State requesting support or not) and the bars beside its counts. */
export const CAPACITY_PALETTE = {
  requesting: DARK_BLUE,
  other: MID_GREY,
  bar: DARK_BLUE,
} as const satisfies Record<string, Swatch>;

/** How soon points of contact answered a check, in the order the columns stack (fastest at the bottom). */
export const CHECK_PALETTE = {
  '1h': DARK_GREEN,
  '24h': MID_GREEN,
  '72h': DARK_BROWN,
  never: SALMON,
} as const satisfies Record<string, Swatch>;

/** Each chart's series in the order they touch, for the contrast test (`test/chart-palette.test.ts`). */
export const STACKS: Record<string, readonly Swatch[]> = {
  status: Object.values(STATUS_PALETTE),
  participation: Object.values(PARTICIPATION_PALETTE),
  capacity: [CAPACITY_PALETTE.requesting, CAPACITY_PALETTE.other],
  checks: Object.values(CHECK_PALETTE),
};

/** The colours a map's countries may take: every pair may touch, and each touches the sea and the map's white. */
export const MAPS: Record<string, readonly string[]> = {
  participation: [PARTICIPATION_PALETTE.reported.fill, PARTICIPATION_PALETTE.notReported.fill],
  capacity: [CAPACITY_PALETTE.requesting.fill, CAPACITY_PALETTE.other.fill],
};

/** WCAG's relative luminance of a colour written #rrggbb. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG's contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
