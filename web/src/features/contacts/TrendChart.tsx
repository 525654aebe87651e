import { Group, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { useLang } from '../../app/paths';
import { BUCKET_LABEL } from './labels';
import type { CheckSummary } from './queries';
import { CHART, CHECK_PALETTE } from '../../ui/chart-palette';
import { ChartPatterns, patternFill, PatternSwatch } from '../../ui/ChartPatterns';

const PREFIX = 'check-trend';

const BUCKETS = ['1h', '24h', '72h', 'never'] as const;

const W = 640;
const H = 220;
const LEFT = 40;
const BOTTOM = 40;

/**
 * Trends over checks: for each check, oldest first, the share of points of contact that answered
 * within 1 hour, 24 hours, 72 hours or never, as stacked columns. A picture for the eye only: the
 * table of the checks beside it gives the same numbers to everyone (the chart says so in its label).
 */
export function TrendChart({ checks }: { checks: readonly CheckSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ordered = [...checks].filter((c) => c.tally.total > 0).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(-12);
  if (ordered.length === 0) return null;
  const plotW = W - LEFT - 8;
  const plotH = H - BOTTOM - 8;
  const slot = plotW / ordered.length;
  const bar = Math.min(56, slot * 0.6);
  return (
    <figure style={{ margin: 0 }}>
      <ChartPatterns prefix={PREFIX} series={BUCKETS.map((b) => ({ key: b, swatch: CHECK_PALETTE[b] }))} />
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('contacts.checks.chartLabel')} style={{ maxWidth: W, display: 'block' }}>
        {[0, 50, 100].map((p) => {
          const y = 8 + plotH - (plotH * p) / 100;
          return (
            <g key={p}>
              <line x1={LEFT} x2={W - 8} y1={y} y2={y} stroke={CHART.grid} strokeWidth={0.5} />
              <text x={LEFT - 4} y={y + 4} fontSize={11} textAnchor="end" fill={CHART.text}>
                {p}%
              </text>
            </g>
          );
        })}
        {ordered.map((c, i) => {
          const x = LEFT + i * slot + (slot - bar) / 2;
          let y = 8 + plotH;
          return (
            <g key={c.id}>
              {BUCKETS.map((b) => {
                const h = (plotH * c.tally[b]) / c.tally.total;
                y -= h;
                return h > 0 ? <rect key={b} x={x} y={y} width={bar} height={h} fill={patternFill(PREFIX, b)} stroke={CHART.background} strokeWidth={1} /> : null;
              })}
              <text x={x + bar / 2} y={H - BOTTOM + 16} fontSize={11} textAnchor="middle" fill={CHART.text}>
                {new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(c.createdAt))}
              </text>
            </g>
          );
        })}
      </svg>
      <Group component="figcaption" gap="md" mt="xs">
        {BUCKETS.map((b) => (
          <Group key={b} gap={6} wrap="nowrap">
            <PatternSwatch prefix={PREFIX} seriesKey={b} size={12} />
            <Text size="sm">{t(BUCKET_LABEL[b])}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}
