import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { FollowButton } from '../follows';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TimeZoneSelect } from '../../ui/time-zones';
import { cyclesQuery, type CycleItem } from './queries';
import './styles';
import classes from './reporting.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { formatInstant, formatInZone, formatPeriod } from '../../ui/dates';
import { InLanguage } from '../../ui/localized';

export default function CyclesPage() {
  const { t } = useTranslation();
  const cycles = useQuery(cyclesQuery());

  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{t('reporting.cycles.title')}</PageHeading>
        <Text className={listing.intro}>{t('reporting.cycles.intro')}</Text>
      </div>
      {cycles.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {cycles.isError ? <ProblemAlert error={cycles.error} /> : null}
      {cycles.data ? (
        <>
          {cycles.data.items.length === 0 ? <Text>{t('reporting.cycles.none')}</Text> : null}
          <ul className={classes.cards}>
            {cycles.data.items.map((c) => (
              <CycleCard key={c.id} cycle={c} canStart={cycles.data.can.startReport} hasPrevious={cycles.data.hasPreviousReport} />
            ))}
          </ul>
          {cycles.data.can.openCycle ? <OpenCycleForm /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function CycleCard({ cycle, canStart, hasPrevious }: { cycle: CycleItem; canStart: boolean; hasPrevious: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (fromPrevious: boolean) => unwrap(api.POST('/api/v1/reporting/cycles/{id}/reports', { params: { path: { id: cycle.id } }, body: { fromPrevious, visibility: 'public' } })),
    onSuccess: async (report) => {
      await queryClient.invalidateQueries({ queryKey: ['reporting'] });
      notifySuccess(t('reporting.cycles.started', { n: report.carriedSections }));
      void navigate(to(`/reporting/reports/${report.id}/edit`));
    },
  });
  const headingId = `cycle-${cycle.id}`;
  const mine = cycle.myReport;

  return (
    <li className={classes.card} aria-labelledby={headingId} data-cycle={cycle.id}>
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h3" id={headingId}>
          <InLanguage lang="en">{cycle.title}</InLanguage>
        </Title>
        <Badge variant={cycle.status === 'open' ? 'filled' : 'outline'} color={cycle.status === 'open' ? 'un' : 'dark'} className={ui.badge}>
          {cycle.status === 'open' ? t('reporting.cycles.open') : t('reporting.cycles.closed')}
        </Badge>
      </Group>
      <dl className={ui.facts}>
        <dt>{t('reporting.cycles.period')}</dt>
        <dd>{formatPeriod(cycle.periodStart, cycle.periodEnd, lang)}</dd>
        <dt>{t('reporting.cycles.deadline')}</dt>
        <dd>{formatInZone(cycle.deadlineAt, cycle.deadlineZone, lang)}</dd>
        {mine ? (
          <>
            <dt>{t('reporting.cycles.ourReport')}</dt>
            <dd data-testid="my-report-status">
              {mine.submissions === 0
                ? t('reporting.cycles.draftNotSubmitted')
                : t('reporting.cycles.submitted', { n: mine.submissions, date: formatInstant(mine.lastSubmittedAt!, lang) })}
            </dd>
          </>
        ) : null}
      </dl>
      <FollowButton kind="reporting-cycle" id={cycle.id} describedBy={headingId} />
      <Group gap="sm">
        {mine ? (
          <>
            <Button component={Link} to={to(`/reporting/reports/${mine.id}/edit`)}>
              {t('reporting.cycles.continue')}
            </Button>
            <Anchor component={Link} to={to(`/reporting/reports/${mine.id}`)}>
              {t('reporting.cycles.viewReport')}
            </Anchor>
          </>
        ) : canStart ? (
          <>
            {hasPrevious ? (
              <Button onClick={() => start.mutate(true)} loading={start.isPending}>
                {t('reporting.cycles.startFromPrevious')}
              </Button>
            ) : null}
            <Button variant={hasPrevious ? 'outline' : 'filled'} onClick={() => start.mutate(false)} loading={start.isPending}>
              {t('reporting.cycles.startBlank')}
            </Button>
          </>
        ) : null}
        <Anchor component={Link} to={to(`/reporting/cycles/${cycle.id}/analysis`)}>
          {t('reporting.cycles.analysis')}
        </Anchor>
      </Group>
      <ProblemAlert error={start.error} />
    </li>
  );
}

function OpenCycleForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const year = new Date().getUTCFullYear();
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-12-31`);
  const [deadlineDate, setDeadlineDate] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('12:00');
  const [zone, setZone] = useState('America/New_York');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const open = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/reporting/cycles', {
          body: { title: title.trim(), periodStart, periodEnd, deadlineLocal: `${deadlineDate}T${deadlineTime}`, zone },
        }),
      ),
    onSuccess: async (opened) => {
      // The new cycle in the list, once the list is read again with it.
      focusWhenShown(`${byAttribute('data-cycle', opened.id)} h2`, { timeoutMs: 10_000 });
      await queryClient.invalidateQueries({ queryKey: ['reporting', 'cycles'] });
      notifySuccess(t('reporting.open.opened'));
      setTitle('');
      setDeadlineDate('');
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const field = (name: string) => (error.fieldError(name) ? t('reporting.open.fieldInvalid') : null);
      setErrors({ title: field('title'), periodStart: field('periodStart'), periodEnd: field('periodEnd'), deadline: field('deadlineLocal'), zone: field('zone') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      title: title.trim() ? null : t('forms.required'),
      periodStart: periodStart ? null : t('forms.required'),
      periodEnd: !periodEnd ? t('forms.required') : periodEnd < periodStart ? t('reporting.open.endBeforeStart') : null,
      deadline: deadlineDate && deadlineTime ? null : t('forms.required'),
      zone: zone ? null : t('forms.required'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    open.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="open-cycle">
      <Title order={2} size="h3" id="open-cycle" mb="xs">
        {t('reporting.open.title')}
      </Title>
      <Text size="sm" mb="sm" className={listing.intro}>
        {t('reporting.open.help')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('reporting.open.cycleTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={300} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('reporting.open.periodStart')} required value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} error={errors.periodStart} />
            <TextInput type="date" label={t('reporting.open.periodEnd')} required value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} error={errors.periodEnd} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('reporting.open.deadlineDate')} required value={deadlineDate} onChange={(e) => setDeadlineDate(e.currentTarget.value)} error={errors.deadline} />
            <TextInput type="time" label={t('reporting.open.deadlineTime')} required value={deadlineTime} onChange={(e) => setDeadlineTime(e.currentTarget.value)} />
            <TimeZoneSelect label={t('reporting.open.zone')} description={t('reporting.open.zoneHelp')} value={zone} onChange={setZone} error={errors.zone} />
          </SimpleGrid>
          <Alert variant="light" color="un">
            {t('reporting.open.questionnaireNote')}
          </Alert>
          <ProblemAlert error={open.error} />
          <Group>
            <Button type="submit" loading={open.isPending}>
              {t('reporting.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
