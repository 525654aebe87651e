import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { NotFound } from '../errors/NotFoundPage';
import { stateQuery } from '../states/StateName';
import { AnswerView, SectionTitle, VisibilityBadge } from './parts';
import { cycleQuery, formatInstant, formatPeriod, reportQuery, useReportingLabels, type Answer, type Visibility } from './queries';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';

/** A State's report as a printable page: only what the viewer may see, with its submissions and receipts. */
export default function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useReportingLabels();
  const { id = '' } = useParams();
  const report = useQuery(reportQuery(id));
  const cycleId = report.data?.cycleId;
  const cycle = useQuery({ ...cycleQuery(cycleId ?? ''), enabled: !!cycleId });
  const state = useQuery({ ...stateQuery(report.data?.state ?? 'xxx'), enabled: !!report.data });

  if (report.isError) {
    if (report.error instanceof ApiProblem && (report.error.status === 404 || report.error.status === 400)) return <NotFound />;
    return <ProblemAlert error={report.error} />;
  }
  if (cycle.isError) return <ProblemAlert error={cycle.error} />;
  if (!report.data || !cycle.data) return <Loader aria-label={t('common.loading')} />;
  const r = report.data;
  const c = cycle.data;
  const stateName = state.data?.state.names[lang] || r.state;

  // What is shown: the latest submission; for the State's own people before any submission, the draft.
  const shown: { key: string; answer: Answer; visibility: Visibility }[] | null = r.latest
    ? r.latest.sections
    : r.draft
      ? r.draft.map((d) => ({ key: d.key, answer: d.answer, visibility: d.effectiveVisibility }))
      : null;
  const byKey = new Map((shown ?? []).map((s) => [s.key, s]));
  const sections = c.questionnaire.sections.filter((s) => byKey.has(s.key));

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">
          {c.title} · {formatPeriod(c.periodStart, c.periodEnd, lang)}
        </Text>
        <PageHeading>{t('reporting.report.heading', { state: stateName })}</PageHeading>
        <Group gap="sm" mt="xs" className={classes.noPrint}>
          <Button variant="outline" onClick={() => window.print()}>
            {t('reporting.report.print')}
          </Button>
          <Anchor href={`/api/v1/reporting/reports/${r.id}/export`} download data-testid="json-export">
            {t('reporting.report.json')}
          </Anchor>
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

      {r.latest ? (
        <Text fw={600}>{t('reporting.report.showingVersion', { number: r.latest.number })}</Text>
      ) : (
        <Alert color="un" variant="light">
          {t('reporting.report.draftOnly')}
        </Alert>
      )}

      {sections.length === 0 ? <Text>{t('reporting.report.nothing')}</Text> : null}
      {sections.map((s) => {
        const answer = byKey.get(s.key)!;
        return (
          <section key={s.key} className={classes.section} data-section={s.key}>
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
            <Table withTableBorder>
              <caption className={classes.visuallyHidden}>{t('reporting.report.submissionsCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.report.version')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.edit.receivedAt')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.edit.contentHash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.submissions.map((s) => (
                  <Table.Tr key={s.number}>
                    <Table.Th scope="row">{s.number}</Table.Th>
                    <Table.Td>{formatInstant(s.submittedAt, lang)}</Table.Td>
                    <Table.Td className={classes.code}>{s.contentHash}</Table.Td>
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
