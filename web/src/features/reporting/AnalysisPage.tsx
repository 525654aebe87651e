import { lazy, Suspense, type ReactNode } from 'react';
import { Anchor, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import type { RegionalGroupId } from '../../api/client';
import { directionOf, type Language } from '../../app/languages';
import { InLanguage, isolated, LocalizedOption, Sentence, Verbatim } from '../../ui/localized';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { useSearchParam } from '../../ui/search-params';
import { statesQuery, useGroupLabel } from '../states';
import { ANALYSIS_FRESH, analysisQuery, codeOf, cycleQuery, cyclesQuery, STATUSES, useReportingLabels, useSectionTitle, type Analysis, type CycleDetail, type SectionStatus } from './queries';
// The charts and the map come in chunks of their own, after the page's headings, numbers and tables.
import { StackedBars, WorldMap } from './charts';
import type { Series } from './StackedBars';
import { PARTICIPATION_PALETTE, STATUS_PALETTE } from '../../ui/chart-palette';
import { ChartPatterns } from '../../ui/ChartPatterns';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatPeriod } from '../../ui/dates';

// The form to compare States comes after the page's first view (see CompareForm.tsx).
const CompareForm = lazy(() => import('./CompareForm'));

const REPORTED = PARTICIPATION_PALETTE.reported;
const NOT_REPORTED = PARTICIPATION_PALETTE.notReported;

export default function AnalysisPage() {
  const { id = '' } = useParams();
  // Asked for with the page's code (analysisFirstData): fresh for a moment, not fetched again on arrival.
  const analysis = useQuery({ ...analysisQuery(id), staleTime: ANALYSIS_FRESH });
  const cycle = useQuery(cycleQuery(id));
  const states = useQuery({ ...statesQuery({}), staleTime: ANALYSIS_FRESH });

  // The heading as soon as the cycle is there (on a slow connection the other answers come later).
  if (!cycle.isSuccess) return <Loaded query={[cycle, analysis, states]} />;
  return (
    <Stack gap="xl">
      <Heading cycle={cycle.data} />
      {analysis.isSuccess && states.isSuccess ? <Picture analysis={analysis.data} cycle={cycle.data} states={states.data.items} /> : <Loaded query={[analysis, states]} />}
    </Stack>
  );
}

function Heading({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div>
      <Text size="sm">{formatPeriod(cycle.periodStart, cycle.periodEnd, lang)}</Text>
      <PageHeading title={t('reporting.analysis.heading', { cycle: cycle.title })}>
        <Sentence i18nKey="reporting.analysis.heading" values={{ cycle: <InLanguage lang="en">{cycle.title}</InLanguage> }} />
      </PageHeading>
      <Text className={listing.intro}>{t('reporting.analysis.intro')}</Text>
    </div>
  );
}

export type StateRow = { iso3: string; m49: string; regionalGroup: RegionalGroupId | null; names: Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string> };

function Picture({ analysis, cycle, states }: { analysis: Analysis; cycle: CycleDetail; states: StateRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const groupLabel = useGroupLabel();
  const p = analysis.participation;
  const reported = new Set(p.byState.filter((s) => s.reported).map((s) => s.iso3));
  const byM49 = new Map(states.map((s) => [s.m49, s]));
  const collator = new Intl.Collator(lang);
  const sorted = [...states].sort((a, b) => collator.compare(a.names[lang] || a.names.en, b.names[lang] || b.names.en));
  const groups = p.byGroup.map((g) => {
    const name = groupLabel(g.group === 'none' ? null : (g.group as RegionalGroupId));
    return { id: g.group, axis: name, heading: name, values: { reported: g.reported, notReported: g.states - g.reported }, states: g.states };
  });

  return (
    <>
      <section aria-labelledby="participation">
        <Title order={2} size="h3" id="participation" mb="xs">
          {t('reporting.analysis.participation')}
        </Title>
        <Text role="status" fw={600} mb="sm" data-testid="participation-summary">
          {t('reporting.analysis.reportedOf', { n: p.reported, total: p.states })}
        </Text>
        <WorldMap
          label={t('reporting.analysis.mapLabel', { n: p.reported, total: p.states })}
          categoryOf={(m49) => {
            const s = byM49.get(m49);
            if (!s) return null;
            return reported.has(s.iso3) ? 'reported' : 'not-reported';
          }}
          categories={[
            { id: 'reported', label: t('reporting.analysis.reported'), swatch: REPORTED },
            { id: 'not-reported', label: t('reporting.analysis.notReported'), swatch: NOT_REPORTED },
          ]}
          legendLabel={t('reporting.analysis.legend')}
          notAState={t('reporting.analysis.notAState')}
        />
        <details>
          <summary>{t('reporting.analysis.mapTable')}</summary>
          <div className={listing.scroll}>
            <Table withTableBorder data-testid="participation-table">
              <caption>{t('reporting.analysis.mapTableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.analysis.state')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.analysis.group')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.analysis.participationStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((s) => (
                  <Table.Tr key={s.iso3} data-state={s.iso3}>
                    <Table.Th scope="row">{s.names[lang] || s.names.en}</Table.Th>
                    <Table.Td>{groupLabel(s.regionalGroup)}</Table.Td>
                    <Table.Td>{reported.has(s.iso3) ? t('reporting.analysis.reported') : t('reporting.analysis.notReported')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </details>

        <Title order={3} size="h4" mt="lg" mb="xs">
          {t('reporting.analysis.byGroup')}
        </Title>
        <ChartWithTable
          id="group"
          label={t('reporting.analysis.byGroupChart')}
          caption={t('reporting.analysis.byGroupCaption')}
          rowHeader={t('reporting.analysis.group')}
          rows={groups}
          series={[
            { key: 'reported', label: t('reporting.analysis.reported'), swatch: REPORTED },
            { key: 'notReported', label: t('reporting.analysis.notReported'), swatch: NOT_REPORTED },
          ]}
          columns={[
            { key: 'reported', label: t('reporting.analysis.reported'), cell: (g) => g.values.reported },
            { key: 'states', label: t('reporting.analysis.statesInGroup'), cell: (g) => g.states },
          ]}
        />
      </section>

      <StatusPart id="norms" title={t('reporting.analysis.norms')} rows={analysis.norms} cycle={cycle} />
      <StatusPart id="cbms" title={t('reporting.analysis.cbms')} rows={analysis.cbms} cycle={cycle} />
      <OverCycles cycle={cycle} />
      <ChallengesAndNeeds analysis={analysis} cycle={cycle} />
      <Suspense fallback={null}>
        <CompareForm cycleId={cycle.id} states={sorted} />
      </Suspense>

      <section aria-labelledby="exports">
        <Title order={2} size="h3" id="exports" mb="xs">
          {t('reporting.analysis.exports')}
        </Title>
        <Text size="sm" mb="xs">
          {t('reporting.analysis.exportsHelp')}
        </Text>
        <Group gap="lg">
          <Anchor href={`/api/v1/reporting/cycles/${cycle.id}/export?format=csv`} download>
            {t('reporting.analysis.publishedCsv')}
          </Anchor>
          <Anchor href={`/api/v1/reporting/cycles/${cycle.id}/export?format=json`} download>
            {t('reporting.analysis.publishedJson')}
          </Anchor>
          {analysis.can.exportSummary ? (
            <>
              <Anchor href={`/api/v1/reporting/cycles/${cycle.id}/export?format=csv&scope=secretariat`} download>
                {t('reporting.analysis.summaryCsv')}
              </Anchor>
              <Anchor href={`/api/v1/reporting/cycles/${cycle.id}/export?format=json&scope=secretariat`} download>
                {t('reporting.analysis.summaryJson')}
              </Anchor>
            </>
          ) : null}
        </Group>
        <Anchor component={Link} to={to('/reporting')} mt="md" display="inline-block">
          {t('reporting.edit.backToCycles')}
        </Anchor>
      </section>
    </>
  );
}

/** A column of a count table: its header and the cell it gives each row. */
interface Column<R> {
  key: string;
  label: ReactNode;
  cell: (row: R) => ReactNode;
}

/** A row of a count table: its id and the header cell that names it. */
interface CountRow {
  id: string;
  heading: ReactNode;
}

/** A table of counts: a header cell naming each row, a cell per column, and a line saying when there is no row. */
function CountTable<R extends CountRow>({ testId, caption, rowHeader, columns, rows, empty }: { testId: string; caption: ReactNode; rowHeader: string; columns: Column<R>[]; rows: R[]; empty?: string }) {
  return (
    <div className={listing.scroll}>
      <Table withTableBorder data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={c.key}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && empty ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length + 1}>{empty}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.id} data-row={r.id}>
                <Table.Th scope="row">{r.heading}</Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c.cell(r)}</Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** A row of a chart with its table: the category's name on the axis (its code when the name has no room), and a value per series. */
interface ChartRow extends CountRow {
  axis: string;
  /** The language the axis's name is in, when it may differ from the page's (a fallback). */
  axisLang?: Language;
  short?: string;
  values: Record<string, number>;
}

/**
 * A stacked bar chart and the table that gives the same data, for those who cannot see the chart. Each
 * series has its colour and pattern from the charts' palette (colour is not the only cue), a white line
 * between touching parts, and its value written on its part where it fits; categories are named by their
 * names, wrapped. In a right-to-left language the chart mirrors: categories run from the right, the value
 * axis stands on the right, and the legend reads from the right, in the order of the series.
 */
function ChartWithTable<R extends ChartRow>({
  id,
  label,
  caption,
  rowHeader,
  rows,
  series,
  columns,
  share = false,
}: {
  id: string;
  label: string;
  caption: ReactNode;
  rowHeader: string;
  rows: R[];
  series: Series[];
  /** The table's columns; by default one per series, with its value. */
  columns?: Column<R>[];
  /** The values are shares in per cent (0–100), not counts. */
  share?: boolean;
}) {
  const lang = useLang();
  const rtl = directionOf(lang) === 'rtl';
  const prefix = `chart-${id}`;
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const format = (v: number) => (share ? percent.format(v / 100) : String(v));
  const data = rows.map((r) => ({ axis: r.axis, ...r.values }));
  const shorts = new Map(rows.filter((r) => r.short).map((r) => [r.axis, r.short!]));
  const langs = new Map(rows.filter((r) => r.axisLang).map((r) => [r.axis, r.axisLang!]));
  const wraps = rows.some((r) => r.axis.length > 10);
  return (
    <>
      <ChartPatterns prefix={prefix} series={series.map((s) => ({ key: s.key, swatch: s.swatch }))} />
      <figure className={classes.chart} role="img" aria-label={label} data-testid={`${id}-chart`} data-direction={rtl ? 'rtl' : 'ltr'}>
        <StackedBars prefix={prefix} data={data} series={series} rtl={rtl} wraps={wraps} shorts={shorts} langs={langs} pageLang={lang} format={format} share={share} />
      </figure>
      <CountTable testId={`${id}-table`} caption={caption} rowHeader={rowHeader} rows={rows} columns={columns ?? series.map((s) => ({ key: s.key, label: s.label, cell: (r: R) => format(r.values[s.key] ?? 0) }))} />
    </>
  );
}

/** A framework element's title in the cycle's questionnaire (by section key), or the key itself. */
function useTitleOf(cycle: CycleDetail): (key: string) => string {
  const shown = useShownTitleOf(cycle);
  return (key) => shown(key).title;
}

/** The same, with the language it is in (English, marked, when the page's language has none). */
function useShownTitleOf(cycle: CycleDetail): (key: string) => { title: string; language: Language; fallback: boolean } {
  const sectionTitle = useSectionTitle();
  return (key) => {
    const s = cycle.questionnaire.sections.find((x) => x.key === key);
    return s ? sectionTitle(s) : { title: key, language: 'en', fallback: false };
  };
}

/** A cycle's title (held in English) and its period. */
const CycleName = ({ title, period }: { title: string; period: string }) => (
  <>
    <InLanguage lang="en">{title}</InLanguage>{' '}
    ({period})
  </>
);

/** A row header: the element's code, then its title in its own language. */
function ElementHeading({ code, sectionKey, cycle }: { code: string; sectionKey: string | null; cycle: CycleDetail }) {
  const shownOf = useShownTitleOf(cycle);
  const shown = sectionKey ? shownOf(sectionKey) : null;
  return (
    <>
      <span className={ui.code}>
        <Verbatim>{code}</Verbatim>
      </span>{' '}
      {shown ? <InLanguage lang={shown.language}>{shown.title}</InLanguage> : null}
    </>
  );
}

function StatusPart({ id, title, rows, cycle }: { id: string; title: string; rows: SectionStatus[]; cycle: CycleDetail }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const shownOf = useShownTitleOf(cycle);
  const data = rows.map((r) => {
    const shown = shownOf(r.key);
    return { id: r.key, axis: shown.title, axisLang: shown.language, short: codeOf(r.key).replace(/^[a-z]+-/, ''), heading: <ElementHeading code={codeOf(r.key)} sectionKey={r.key} cycle={cycle} />, values: r.counts, answered: r.answered };
  });
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <ChartWithTable
        id={id}
        label={t('reporting.analysis.statusChart', { part: title })}
        caption={t('reporting.analysis.statusCaption', { part: title })}
        rowHeader={t('reporting.analysis.element')}
        rows={data}
        series={STATUSES.map((s) => ({ key: s, label: labels.status(s), swatch: STATUS_PALETTE[s] }))}
        columns={[...STATUSES.map((s) => ({ key: s, label: labels.status(s), cell: (r: (typeof data)[number]) => r.values[s] })), { key: 'answered', label: t('reporting.analysis.answered'), cell: (r) => r.answered }]}
      />
    </section>
  );
}

/** A cycle's period in a few characters, for an axis: "2025", or "2025–2026". */
function shortPeriod(start: string, end: string): string {
  const [a, b] = [start.slice(0, 4), end.slice(0, 4)];
  return a === b ? a : `${a}–${b}`;
}

/**
 * Implementation over the cycles, from what the viewer may see: for one norm or CBM (chosen, kept in the
 * address), the share of the States that answered giving each status, cycle by cycle, as a chart with
 * its table; then every norm and CBM, implemented of answered, per cycle.
 */
function OverCycles({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useReportingLabels();
  const titleOf = useTitleOf(cycle);
  const shownOf = useShownTitleOf(cycle);
  const [params, setParam] = useSearchParam();
  const cycles = useQuery(cyclesQuery());
  // The list is newest first: this cycle and up to four before it, shown oldest first.
  const items = cycles.data?.items ?? [];
  const here = Math.max(0, items.findIndex((c) => c.id === cycle.id));
  const shown = items.slice(here, here + 5).reverse();
  // This cycle's analysis is the page's own, just fetched: fresh for a moment here too.
  const analyses = useQueries({ queries: shown.map((c) => ({ ...analysisQuery(c.id), staleTime: ANALYSIS_FRESH })) });
  if (!cycles.isSuccess || analyses.some((a) => !a.isSuccess)) return <Loaded query={[cycles, ...analyses]} />;
  const elements = cycle.questionnaire.sections.filter((s) => s.part === 'norms' || s.part === 'cbms');
  const statusIn = (i: number, key: string) => {
    const a = analyses[i]!.data!;
    return [...a.norms, ...a.cbms].find((x) => x.key === key) ?? null;
  };
  const asked = params.get('element') ?? '';
  const chosen = elements.find((s) => s.key === asked) ?? elements[0];
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const rows = chosen
    ? shown.map((c, i) => {
        const r = statusIn(i, chosen.key);
        const share = (n: number) => (r && r.answered > 0 ? (n / r.answered) * 100 : 0);
        return {
          id: c.id,
          axis: shortPeriod(c.periodStart, c.periodEnd),
          heading: <CycleName title={c.title} period={formatPeriod(c.periodStart, c.periodEnd, lang)} />,
          values: Object.fromEntries(STATUSES.map((s) => [s, share(r?.counts[s] ?? 0)])),
          status: r,
        };
      })
    : [];
  const elementName = chosen ? `${codeOf(chosen.key)} ${titleOf(chosen.key)}` : '';
  return (
    <section aria-labelledby="over-cycles">
      <Title order={2} size="h3" id="over-cycles" mb="xs">
        {t('reporting.analysis.overCycles')}
      </Title>
      {chosen ? (
        <>
          <NativeSelect
            label={t('reporting.analysis.overCyclesElement')}
            description={t('reporting.analysis.overCyclesElementHelp')}
            value={chosen.key}
            onChange={(e) => setParam('element', e.currentTarget.value)}
            maw="40rem"
            mb="sm"
            data-testid="over-cycles-element"
          >
            {elements.map((s) => {
              const shown = shownOf(s.key);
              // An option holds text only: a title in the page's language alone, an English one with its code and the mark.
              return shown.language === lang ? (
                <option key={s.key} value={s.key}>
                  {shown.title}
                </option>
              ) : (
                <LocalizedOption key={s.key} value={s.key} text={{ en: shown.title }} prefix={`${isolated(codeOf(s.key), lang)} — `} />
              );
            })}
          </NativeSelect>
          <ChartWithTable
            id="over-cycles-element"
            label={t('reporting.analysis.overCyclesChart', { element: elementName })}
            caption={<Sentence i18nKey="reporting.analysis.overCyclesElementCaption" values={{ element: <ElementHeading code={codeOf(chosen.key)} sectionKey={chosen.key} cycle={cycle} /> }} />}
            rowHeader={t('reporting.analysis.cycle')}
            rows={rows}
            series={STATUSES.map((s) => ({ key: s, label: labels.status(s), swatch: STATUS_PALETTE[s] }))}
            columns={[
              ...STATUSES.map((s) => ({
                key: s,
                label: labels.status(s),
                cell: (r: (typeof rows)[number]) => (r.status && r.status.answered > 0 ? `${r.status.counts[s]} (${percent.format(r.status.counts[s] / r.status.answered)})` : '—'),
              })),
              { key: 'answered', label: t('reporting.analysis.answered'), cell: (r) => r.status?.answered ?? '—' },
            ]}
            share
          />
        </>
      ) : null}
      <Title order={3} size="h4" mt="lg" mb="xs">
        {t('reporting.analysis.overCyclesAll')}
      </Title>
      <CountTable
        testId="over-cycles-table"
        caption={t('reporting.analysis.overCyclesCaption')}
        rowHeader={t('reporting.analysis.element')}
        rows={elements.map((s) => ({ id: s.key, heading: <ElementHeading code={codeOf(s.key)} sectionKey={s.key} cycle={cycle} /> }))}
        columns={shown.map((c, i) => ({
          key: c.id,
          label: <CycleName title={c.title} period={formatPeriod(c.periodStart, c.periodEnd, lang)} />,
          cell: (row) => {
            const r = statusIn(i, row.id);
            return r ? t('reporting.analysis.implementedOf', { n: r.counts.implemented, total: r.answered }) : '—';
          },
        }))}
      />
    </section>
  );
}

function ChallengesAndNeeds({ analysis, cycle }: { analysis: Analysis; cycle: CycleDetail }) {
  const { t } = useTranslation();
  const keyOfCode = (code: string) => {
    const s = cycle.questionnaire.sections.find((x) => x.elements.some((e) => e.code === code) || x.key === code);
    const e = s?.elements.find((x) => x.code === code);
    return e && s && s.elements.length === 1 ? s.key : null;
  };
  const challenges = [...analysis.norms, ...analysis.cbms].filter((r) => r.statesReportingChallenges > 0).sort((a, b) => b.statesReportingChallenges - a.statesReportingChallenges);
  return (
    <section aria-labelledby="challenges">
      <Title order={2} size="h3" id="challenges" mb="xs">
        {t('reporting.analysis.challengesAndNeeds')}
      </Title>
      <Stack gap="md">
        <CountTable
          testId="challenges-table"
          caption={t('reporting.analysis.challengesCaption')}
          rowHeader={t('reporting.analysis.element')}
          rows={challenges.map((r) => ({ id: r.key, heading: <ElementHeading code={codeOf(r.key)} sectionKey={r.key} cycle={cycle} />, states: r.statesReportingChallenges }))}
          columns={[{ key: 'states', label: t('reporting.analysis.statesReporting'), cell: (r) => r.states }]}
          empty={t('reporting.analysis.noneReported')}
        />
        <CountTable
          testId="needs-table"
          caption={t('reporting.analysis.needsCaption', { n: analysis.needs.needs })}
          rowHeader={t('reporting.analysis.element')}
          rows={analysis.needs.byElement.map((n) => ({ id: n.code, heading: <ElementHeading code={n.code} sectionKey={keyOfCode(n.code)} cycle={cycle} />, states: n.states }))}
          columns={[{ key: 'states', label: t('reporting.analysis.statesReporting'), cell: (r) => r.states }]}
          empty={t('reporting.analysis.noneReported')}
        />
      </Stack>
    </section>
  );
}
