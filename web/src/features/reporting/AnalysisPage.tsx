import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Loader, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ApiProblem, type RegionalGroupId } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { NotFound } from '../errors/NotFoundPage';
import { useGroupLabel } from '../states/labels';
import { analysisQuery, codeOf, cycleQuery, cyclesQuery, formatPeriod, STATUSES, useReportingLabels, useSectionTitle, type Analysis, type CycleDetail, type SectionStatus } from './queries';
import { statesQuery } from '../states/queries';
import { WorldMap } from './WorldMap';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';

export const STATUS_COLOURS = {
  implemented: '#1a5632',
  'in-progress': '#4f8f3a',
  planned: '#a66f00',
  'not-started': '#b3261e',
  'not-applicable': '#5f6368',
} as const;
const REPORTED = '#1f4e79';
const NOT_REPORTED = '#d0d5db';

export default function AnalysisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const analysis = useQuery(analysisQuery(id));
  const cycle = useQuery(cycleQuery(id));
  const states = useQuery(statesQuery({}));

  const error = analysis.error ?? cycle.error ?? states.error;
  if (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400)) return <NotFound />;
    return <ProblemAlert error={error} />;
  }
  if (!analysis.data || !cycle.data || !states.data) return <Loader aria-label={t('common.loading')} />;
  return <Picture analysis={analysis.data} cycle={cycle.data} states={states.data.items} />;
}

type StateRow = { iso3: string; m49: string; regionalGroup: RegionalGroupId | null; names: Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string> };

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
  const groups = p.byGroup.map((g) => ({ name: groupLabel(g.group === 'none' ? null : (g.group as RegionalGroupId)), reported: g.reported, notReported: g.states - g.reported, states: g.states }));

  return (
    <Stack gap="xl">
      <div>
        <Text size="sm">{formatPeriod(cycle.periodStart, cycle.periodEnd, lang)}</Text>
        <PageHeading>{t('reporting.analysis.heading', { cycle: cycle.title })}</PageHeading>
        <Text className={listing.intro}>{t('reporting.analysis.intro')}</Text>
      </div>

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
            { id: 'reported', label: t('reporting.analysis.reported'), colour: REPORTED },
            { id: 'not-reported', label: t('reporting.analysis.notReported'), colour: NOT_REPORTED },
          ]}
        />
        <ul className={classes.legend} aria-label={t('reporting.analysis.legend')}>
          <li>
            <span className={classes.swatch} style={{ background: REPORTED }} aria-hidden="true" />
            {t('reporting.analysis.reported')}
          </li>
          <li>
            <span className={classes.swatch} style={{ background: NOT_REPORTED }} aria-hidden="true" />
            {t('reporting.analysis.notReported')}
          </li>
          <li>
            <span className={classes.swatch} style={{ background: '#ffffff' }} aria-hidden="true" />
            {t('reporting.analysis.notAState')}
          </li>
        </ul>
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
        <figure className={classes.chart} role="img" aria-label={t('reporting.analysis.byGroupChart')} data-testid="group-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={groups} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="reported" stackId="g" fill={REPORTED} name={t('reporting.analysis.reported')} isAnimationActive={false} />
              <Bar dataKey="notReported" stackId="g" fill={NOT_REPORTED} name={t('reporting.analysis.notReported')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <div className={listing.scroll}>
          <Table withTableBorder data-testid="group-table">
            <caption>{t('reporting.analysis.byGroupCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.analysis.group')}</Table.Th>
                <Table.Th scope="col">{t('reporting.analysis.reported')}</Table.Th>
                <Table.Th scope="col">{t('reporting.analysis.statesInGroup')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.name}>
                  <Table.Th scope="row">{g.name}</Table.Th>
                  <Table.Td>{g.reported}</Table.Td>
                  <Table.Td>{g.states}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>

      <StatusPart id="norms" title={t('reporting.analysis.norms')} rows={analysis.norms} cycle={cycle} />
      <StatusPart id="cbms" title={t('reporting.analysis.cbms')} rows={analysis.cbms} cycle={cycle} />
      <OverCycles cycle={cycle} />
      <ChallengesAndNeeds analysis={analysis} cycle={cycle} />
      <CompareForm cycleId={cycle.id} states={sorted} />

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
    </Stack>
  );
}

function StatusPart({ id, title, rows, cycle }: { id: string; title: string; rows: SectionStatus[]; cycle: CycleDetail }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const sectionTitle = useSectionTitle();
  const titleOf = (key: string) => {
    const s = cycle.questionnaire.sections.find((x) => x.key === key);
    return s ? sectionTitle(s).title : key;
  };
  const data = rows.map((r) => ({ code: codeOf(r.key), title: titleOf(r.key), ...r.counts }));
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <figure className={classes.chart} role="img" aria-label={t('reporting.analysis.statusChart', { part: title })} data-testid={`${id}-chart`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="code" interval={0} angle={-30} textAnchor="end" height={70} fontSize={11} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {STATUSES.map((s) => (
              <Bar key={s} dataKey={s} stackId="s" fill={STATUS_COLOURS[s]} name={labels.status(s)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <div className={listing.scroll}>
        <Table withTableBorder data-testid={`${id}-table`}>
          <caption>{t('reporting.analysis.statusCaption', { part: title })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reporting.analysis.element')}</Table.Th>
              {STATUSES.map((s) => (
                <Table.Th scope="col" key={s}>
                  {labels.status(s)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('reporting.analysis.answered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row">
                  <span className={classes.code}>{codeOf(r.key)}</span> {titleOf(r.key)}
                </Table.Th>
                {STATUSES.map((s) => (
                  <Table.Td key={s}>{r.counts[s]}</Table.Td>
                ))}
                <Table.Td>{r.answered}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/** How many States reported each norm and CBM as implemented, cycle by cycle (from what the viewer may see). */
function OverCycles({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sectionTitle = useSectionTitle();
  const cycles = useQuery(cyclesQuery());
  // The list is newest first: this cycle and up to four before it, shown oldest first.
  const items = cycles.data?.items ?? [];
  const shown = items.slice(Math.max(0, items.findIndex((c) => c.id === cycle.id)), items.findIndex((c) => c.id === cycle.id) + 5).reverse();
  const analyses = useQueries({ queries: shown.map((c) => analysisQuery(c.id)) });
  if (cycles.isPending || analyses.some((a) => a.isPending)) return <Loader aria-label={t('common.loading')} />;
  if (cycles.isError) return <ProblemAlert error={cycles.error} />;
  const failed = analyses.find((a) => a.isError);
  if (failed) return <ProblemAlert error={failed.error} />;
  const rows = cycle.questionnaire.sections.filter((s) => s.part === 'norms' || s.part === 'cbms');
  const cell = (i: number, key: string) => {
    const a = analyses[i]!.data!;
    const r = [...a.norms, ...a.cbms].find((x) => x.key === key);
    return r ? t('reporting.analysis.implementedOf', { n: r.counts.implemented, total: r.answered }) : '—';
  };
  return (
    <section aria-labelledby="over-cycles">
      <Title order={2} size="h3" id="over-cycles" mb="xs">
        {t('reporting.analysis.overCycles')}
      </Title>
      <div className={listing.scroll}>
        <Table withTableBorder data-testid="over-cycles-table">
          <caption>{t('reporting.analysis.overCyclesCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reporting.analysis.element')}</Table.Th>
              {shown.map((c) => (
                <Table.Th scope="col" key={c.id}>
                  {c.title} ({formatPeriod(c.periodStart, c.periodEnd, lang)})
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row">
                  <span className={classes.code}>{codeOf(s.key)}</span> {sectionTitle(s).title}
                </Table.Th>
                {shown.map((c, i) => (
                  <Table.Td key={c.id}>{cell(i, s.key)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function ChallengesAndNeeds({ analysis, cycle }: { analysis: Analysis; cycle: CycleDetail }) {
  const { t } = useTranslation();
  const sectionTitle = useSectionTitle();
  const titleOfKey = (key: string) => {
    const s = cycle.questionnaire.sections.find((x) => x.key === key);
    return s ? sectionTitle(s).title : key;
  };
  const titleOfCode = (code: string) => {
    const s = cycle.questionnaire.sections.find((x) => x.elements.some((e) => e.code === code) || x.key === code);
    const e = s?.elements.find((x) => x.code === code);
    return e && s && s.elements.length === 1 ? sectionTitle(s).title : '';
  };
  const challenges = [...analysis.norms, ...analysis.cbms].filter((r) => r.statesReportingChallenges > 0).sort((a, b) => b.statesReportingChallenges - a.statesReportingChallenges);
  return (
    <section aria-labelledby="challenges">
      <Title order={2} size="h3" id="challenges" mb="xs">
        {t('reporting.analysis.challengesAndNeeds')}
      </Title>
      <Stack gap="md">
        <div className={listing.scroll}>
          <Table withTableBorder data-testid="challenges-table">
            <caption>{t('reporting.analysis.challengesCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.analysis.element')}</Table.Th>
                <Table.Th scope="col">{t('reporting.analysis.statesReporting')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {challenges.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={2}>{t('reporting.analysis.noneReported')}</Table.Td>
                </Table.Tr>
              ) : (
                challenges.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">
                      <span className={classes.code}>{codeOf(r.key)}</span> {titleOfKey(r.key)}
                    </Table.Th>
                    <Table.Td>{r.statesReportingChallenges}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </div>
        <div className={listing.scroll}>
          <Table withTableBorder data-testid="needs-table">
            <caption>{t('reporting.analysis.needsCaption', { n: analysis.needs.needs })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.analysis.element')}</Table.Th>
                <Table.Th scope="col">{t('reporting.analysis.statesReporting')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.needs.byElement.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={2}>{t('reporting.analysis.noneReported')}</Table.Td>
                </Table.Tr>
              ) : (
                analysis.needs.byElement.map((n) => (
                  <Table.Tr key={n.code}>
                    <Table.Th scope="row">
                      <span className={classes.code}>{n.code}</span> {titleOfCode(n.code)}
                    </Table.Th>
                    <Table.Td>{n.states}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </section>
  );
}

function CompareForm({ cycleId, states }: { cycleId: string; states: StateRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>([]);
  const options = useMemo(() => states.map((s) => ({ value: s.iso3, label: s.names[lang] || s.names.en })), [states, lang]);
  return (
    <section aria-labelledby="compare">
      <Title order={2} size="h3" id="compare" mb="xs">
        {t('reporting.analysis.compare')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length) void navigate(to(`/reporting/cycles/${cycleId}/compare?states=${chosen.join(',')}`));
        }}
      >
        <Group align="flex-end">
          <MultiSelect label={t('reporting.analysis.compareStates')} description={t('reporting.analysis.compareHelp')} data={options} value={chosen} onChange={setChosen} maxValues={3} searchable miw="20rem" />
          <Button type="submit" disabled={chosen.length === 0}>
            {t('reporting.analysis.compareGo')}
          </Button>
        </Group>
      </form>
    </section>
  );
}
