import { directionOf, type Language } from '../../app/languages';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART, type Swatch } from '../../ui/chart-palette';
import { patternFill } from '../../ui/ChartPatterns';
import { wrapLabel } from '../../ui/chart-labels';
import classes from './reporting.module.css';

/** One part of a stacked bar: a key of the rows' values, its name, and its colour and pattern. */
export interface Series {
  key: string;
  label: string;
  swatch: Swatch;
}

/** The size of the axis's text, and about how wide a character of it is, to wrap the names. */
const TICK_FONT = 11;
const TICK_CHAR = 6.2;
const TICK_LINES = 4;

/**
 * A category's name under its bar, wrapped to the bar's room (see wrapLabel); where no name fits (many
 * narrow bars on a phone), its code. The full name is in the table beside the chart.
 */
function WrappedTick(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  visibleTicksCount?: number;
  payload?: { value?: unknown };
  rows: Map<string, string>;
  langs: Map<string, Language>;
  pageLang: Language;
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const name = String(props.payload?.value ?? '');
  const room = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  const maxChars = Math.floor((room - 4) / TICK_CHAR);
  const short = props.rows.get(name);
  const code = !!short && maxChars < 8;
  const lines = code ? [short] : wrapLabel(name, Math.max(3, maxChars), TICK_LINES);
  const own = props.langs.get(name);
  // A code reads left to right, untranslated, in every language (as `Verbatim`); a name shown in
  // another language than the page's carries its own language and is isolated (as `InLanguage`).
  const marks = code
    ? ({ 'data-verbatim': '', dir: 'ltr', direction: 'ltr', translate: 'no' } as object)
    : own && own !== props.pageLang
      ? { lang: own, dir: directionOf(own), direction: directionOf(own), style: { unicodeBidi: 'isolate' as const } }
      : {};
  return (
    <text x={x} y={y + 4} textAnchor="middle" fontSize={TICK_FONT} fill={CHART.text} className="recharts-cartesian-axis-tick-value" {...marks}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.71em' : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** A part's value written on it, in the ink of its colour, when the part has room for it. */
function SegmentLabel(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown; ink: string; format: (v: number) => string }) {
  const [x, y, w, h] = [props.x, props.y, props.width, props.height].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const value = typeof props.value === 'number' ? props.value : Number(props.value);
  if (!value || h < 14) return null;
  const text = props.format(value);
  if (w < text.length * 6.5 + 4) return null;
  return (
    <text x={x + w / 2} y={y + h / 2} textAnchor="middle" dominantBaseline="central" fontSize={11} fontWeight={600} fill={props.ink} pointerEvents="none">
      {text}
    </text>
  );
}

/**
 * The drawing of a stacked bar chart of the analysis (see ChartWithTable in AnalysisPage), with
 * Recharts: in a chunk of its own, loaded once the page's first view is there (charts.tsx).
 */
export default function StackedBars({
  prefix,
  data,
  series,
  rtl,
  wraps,
  shorts,
  langs,
  pageLang: lang,
  format,
  share,
}: {
  prefix: string;
  data: Record<string, string | number>[];
  series: Series[];
  rtl: boolean;
  wraps: boolean;
  shorts: Map<string, string>;
  langs: Map<string, Language>;
  pageLang: Language;
  format: (v: number) => string;
  share: boolean;
}) {
  const order = new Map(series.map((s, i) => [s.key, i]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
        <XAxis dataKey="axis" reversed={rtl} interval={0} height={wraps ? 14 * TICK_LINES + 8 : 30} tick={(p: object) => <WrappedTick {...p} rows={shorts} langs={langs} pageLang={lang} />} />
        <YAxis orientation={rtl ? 'right' : 'left'} allowDecimals={false} tickFormatter={format} tick={{ fill: CHART.text }} {...(share ? { domain: [0, 100] } : {})} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : v)} wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }} />
        <Legend itemSorter={(item) => order.get(String(item.dataKey)) ?? 0} wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }} formatter={(value: string) => <span className={classes.legendLabel}>{value}</span>} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} stackId="s" fill={patternFill(prefix, s.key)} stroke={CHART.background} strokeWidth={1} name={s.label} isAnimationActive={false}>
            <LabelList dataKey={s.key} content={(p: object) => <SegmentLabel {...p} ink={s.swatch.ink} format={format} />} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
