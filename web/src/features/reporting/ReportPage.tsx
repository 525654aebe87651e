import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchParam } from '../../ui/search-params';
import { useHashTarget } from '../../ui/hash-target';
import { stateQuery } from '../states';
import { AnswerView, SectionTitle, VisibilityBadge } from './parts';
import { cycleQuery, reportQuery, reportVersionQuery, useReportingLabels, type Answer, type Visibility } from './queries';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { Loaded, namesNothing } from '../../ui/Loaded';
import { formatInstant, formatPeriod } from '../../ui/dates';
import { InLanguage, Verbatim } from '../../ui/localized';

/** A version number from the address (`?version=2`), or null. */
const versionIn = (value: string | null): number | null => (value && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null);

/**
 * A State's report as a printable page: only what the viewer may see, with its submissions and receipts.
 * Any submitted version can be opened (`?version=N`); the latest is shown by default.
 */
export default function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useReportingLabels();
  const { id = '' } = useParams();
  const [params, setParam] = useSearchParam();
  const asked = versionIn(params.get('version'));
  const report = useQuery(reportQuery(id));
  const latestNumber = report.data?.submissions.at(-1)?.number ?? null;
  // An earlier version is fetched on its own; the latest comes with the report.
  const earlier = asked !== null && !!report.data && asked !== latestNumber;
  const version = useQuery({ ...reportVersionQuery(id, asked ?? 0), enabled: earlier });
  const cycleId = report.data?.cycleId;
  const cycle = useQuery({ ...cycleQuery(cycleId ?? ''), enabled: !!cycleId });
  const state = useQuery({ ...stateQuery(report.data?.state ?? 'xxx'), enabled: !!report.data });

  // A link to a section (`#section-…`, as the search links) lands on it once the report is shown.
  useHashTarget(report.isSuccess && cycle.isSuccess && (!earlier || !version.isPending));
  if (!report.isSuccess || !cycle.isSuccess) return <Loaded query={[report, cycle]} />;
  if (earlier && version.isPending) return <Loaded query={version} />;
  const r = report.data;
  const c = cycle.data;
  const stateName = state.data?.state.names[lang] || r.state;
  const missing = earlier && namesNothing(version.error);
  if (earlier && version.isError && !missing) return <ProblemAlert error={version.error} />;

  // What is shown: the version asked for; else the latest submission; for the State's own people before any submission, the draft.
  let shown: { key: string; answer: Answer; visibility: Visibility }[] | null;
  let shownNumber: number | null = null;
  let supersededBy: { number: number; submittedAt: string } | null = null;
  if (earlier) {
    shown = version.data?.sections ?? null;
    shownNumber = version.data?.number ?? null;
    supersededBy = version.data?.supersededBy ?? null;
  } else if (r.latest) {
    shown = r.latest.sections;
    shownNumber = r.latest.number;
  } else shown = r.draft ? r.draft.map((d) => ({ key: d.key, answer: d.answer, visibility: d.effectiveVisibility })) : null;
  const receipt = r.submissions.find((s) => s.number === shownNumber);
  const byKey = new Map((shown ?? []).map((s) => [s.key, s]));
  const sections = c.questionnaire.sections.filter((s) => byKey.has(s.key));
  const versionSearch = (n: number) => (n === latestNumber ? '' : `?version=${n}`);

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">
          <InLanguage lang="en">{c.title}</InLanguage> · {formatPeriod(c.periodStart, c.periodEnd, lang)}
        </Text>
        <PageHeading>{t('reporting.report.heading', { state: stateName })}</PageHeading>
        <Group gap="sm" mt="xs" className={ui.noPrint}>
          <Button variant="outline" onClick={() => window.print()}>
            {t('reporting.report.print')}
          </Button>
          {!missing ? (
            <Anchor href={`/api/v1/reporting/reports/${r.id}/export${earlier ? `?version=${asked}` : ''}`} download data-testid="json-export">
              {shownNumber !== null ? t('reporting.report.jsonVersion', { number: shownNumber }) : t('reporting.report.json')}
            </Anchor>
          ) : null}
          {r.can.edit ? (
            <Anchor component={Link} to={to(`/reporting/reports/${r.id}/edit`)}>
              {t('reporting.report.edit')}
            </Anchor>
          ) : null}
          <Anchor component={Link} to={to(`/reporting/cycles/${c.id}/analysis`)}>
            {t('reporting.cycles.analysis')}
          </Anchor>
        </Group>
      </div>

      {r.visibility ? (
        <Text>
          {t('reporting.edit.reportVisibilityIs', { visibility: labels.visibility(r.visibility) })} {labels.visibilityHelp(r.visibility)}
        </Text>
      ) : (
        <Text size="sm">{t('reporting.report.whatYouSee')}</Text>
      )}

      {r.submissions.length > 1 ? (
        <NativeSelect
          className={ui.noPrint}
          label={t('reporting.report.versionShown')}
          data={r.submissions.map((s) => ({
            value: String(s.number),
            label: t(s.number === latestNumber ? 'reporting.report.versionOptionLatest' : 'reporting.report.versionOption', { number: s.number, time: formatInstant(s.submittedAt, lang) }),
          }))}
          value={String(asked ?? latestNumber)}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            setParam('version', n === latestNumber ? '' : String(n));
          }}
          maw="30rem"
          data-testid="version-select"
        />
      ) : null}

      {missing ? (
        <Alert color="red" variant="light" data-testid="version-missing">
          {t('reporting.report.noSuchVersion', { number: asked })}{' '}
          {latestNumber !== null ? (
            <Anchor component={Link} to={{ search: '' }}>
              {t('reporting.report.showLatest', { number: latestNumber })}
            </Anchor>
          ) : null}
        </Alert>
      ) : receipt ? (
        <div data-testid="version-status" data-version={receipt.number}>
          <Text fw={600} data-testid="version-label">
            {supersededBy
              ? t('reporting.report.versionSuperseded', { number: receipt.number, time: formatInstant(receipt.submittedAt, lang), next: supersededBy.number, nextTime: formatInstant(supersededBy.submittedAt, lang) })
              : t('reporting.report.versionLatest', { number: receipt.number, time: formatInstant(receipt.submittedAt, lang) })}
          </Text>
          <Text size="sm">
            {t('reporting.report.receiptHash')}{' '}
            <span className={ui.code} data-testid="version-hash">
              <Verbatim>{receipt.contentHash}</Verbatim>
            </span>
          </Text>
          {supersededBy && latestNumber !== null ? (
            <Alert color="un" variant="light" mt="xs">
              {t('reporting.report.supersededHelp')}{' '}
              <Anchor component={Link} to={{ search: '' }} className={ui.noPrint}>
                {t('reporting.report.showLatest', { number: latestNumber })}
              </Anchor>
            </Alert>
          ) : null}
        </div>
      ) : (
        <Alert color="un" variant="light">
          {t('reporting.report.draftOnly')}
        </Alert>
      )}

      {!missing && sections.length === 0 ? <Text>{t('reporting.report.nothing')}</Text> : null}
      {sections.map((s) => {
        const answer = byKey.get(s.key)!;
        return (
          <section key={s.key} id={`section-${s.key}`} className={classes.section} data-section={s.key}>
            <SectionTitle section={s} />
            <Group gap="xs" my={4}>
              <Text size="sm">{t('reporting.edit.sectionSeenBy')}</Text>
              <VisibilityBadge visibility={answer.visibility} />
            </Group>
            <AnswerView answer={answer.answer} />
          </section>
        );
      })}

      <section aria-labelledby="submissions">
        <Title order={2} size="h3" id="submissions" mb="xs">
          {t('reporting.report.submissions')}
        </Title>
        {r.submissions.length === 0 ? (
          <Text>{t('reporting.edit.notSubmittedYet')}</Text>
        ) : (
          <div className={listing.scroll}>
            <Table withTableBorder data-testid="submissions-table">
              <caption className={classes.visuallyHidden}>{t('reporting.report.submissionsCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.report.version')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.edit.receivedAt')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.edit.contentHash')}</Table.Th>
                  <Table.Th scope="col" className={ui.noPrint}>
                    {t('reporting.report.versionShown')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.submissions.map((s) => (
                  <Table.Tr key={s.number} data-version={s.number} aria-current={s.number === shownNumber ? 'true' : undefined}>
                    <Table.Th scope="row">{s.number}</Table.Th>
                    <Table.Td>{formatInstant(s.submittedAt, lang)}</Table.Td>
                    <Table.Td className={ui.code}>
                      <Verbatim>{s.contentHash}</Verbatim>
                    </Table.Td>
                    <Table.Td className={ui.noPrint}>
                      {s.number === shownNumber ? (
                        <Text span fw={600}>
                          {t('reporting.report.shown')}
                        </Text>
                      ) : (
                        <Anchor component={Link} to={{ search: versionSearch(s.number) }}>
                          {t('reporting.report.viewVersion', { number: s.number })}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
    </Stack>
  );
}
