import { useMemo, type ReactNode } from 'react';
import { Anchor, Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { CalendarFeeds } from './CalendarFeeds';
import { MonthView } from './MonthView';
import { FallbackMark, LocalizedText, MeetingDates, MeetingStatusBadge } from './parts';
import { calendarQuery, isKind, isStatus, KINDS, localized, meetingsQuery, STATUSES, useMeetingLabels, type CalendarData, type Group as WorkingGroup, type Meeting } from './queries';
import { allGroupsQuery } from '../groups';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import ui from '../../ui/ui.module.css';
import { formatMonth } from '../../ui/dates';
import { InLanguage, LocalizedOption } from '../../ui/localized';

type When = 'upcoming' | 'past';

export default function CalendarPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useMeetingLabels();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 250);
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const body = params.get('body') ?? '';
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  const view = params.get('view') === 'month' ? 'month' : 'list';

  const groups = useQuery(allGroupsQuery());
  const group = body && body !== 'plenary' ? body : undefined;
  const meetings = useQuery({ ...meetingsQuery({ kind, status, group, q: q || undefined }), placeholderData: keepPreviousData });
  const calendar = useQuery(calendarQuery());

  const shown = useMemo(() => {
    const now = Date.now();
    const items = (meetings.data?.items ?? []).filter((m) => (body === 'plenary' ? m.body.kind === 'plenary' : true));
    if (view === 'month') return items;
    return when === 'upcoming' ? items.filter((m) => new Date(m.endsAt).getTime() >= now) : items.filter((m) => new Date(m.endsAt).getTime() < now).reverse();
  }, [meetings.data, body, when, view]);

  const groupName = (id: string) => {
    const g = groups.data?.items.find((x) => x.id === id);
    return g ? <LocalizedText text={g.name} /> : t('meetings.workingGroup');
  };

  return (
    <Stack gap="md">
      <PageHeading>{t('calendar.title')}</PageHeading>
      <Text className={listing.intro}>{t('calendar.intro')}</Text>

      {meetings.data?.can.schedule ? (
        <Group>
          <Button component={Link} to={to('/meetings/new')}>
            {t('meetings.manage.schedule')}
          </Button>
        </Group>
      ) : null}

      <NextReview calendar={calendar.data} />

      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters} aria-label={t('calendar.filters')}>
        <TextInput type="search" label={t('calendar.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} autoComplete="off" className={listing.search} />
        <NativeSelect
          className={listing.filter}
          label={t('calendar.kind')}
          value={kind ?? ''}
          onChange={(e) => update('kind', e.currentTarget.value)}
          data={[{ value: '', label: t('calendar.allKinds') }, ...KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]}
        />
        <NativeSelect
          className={listing.filter}
          label={t('calendar.body')}
          value={body}
          onChange={(e) => update('body', e.currentTarget.value)}
        >
          <option value="">{t('calendar.allBodies')}</option>
          <option value="plenary">{t('meetings.plenary')}</option>
          {(groups.data?.items ?? []).map((g: WorkingGroup) => (
            <LocalizedOption key={g.id} value={g.id} text={g.name} />
          ))}
        </NativeSelect>
        <NativeSelect
          className={listing.filter}
          label={t('calendar.status')}
          value={status ?? ''}
          onChange={(e) => update('status', e.currentTarget.value)}
          data={[{ value: '', label: t('calendar.allStatuses') }, ...STATUSES.filter((s) => (meetings.data?.can.seeStatuses ?? []).includes(s)).map((s) => ({ value: s, label: labels.status(s) }))]}
        />
      </form>

      <Group gap="md" align="flex-end">
        <div>
          <Text size="sm" fw={500} id="calendar-view-label">
            {t('calendar.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-view-label"
            value={view}
            onChange={(v) => update('view', v === 'month' ? 'month' : '')}
            data={[
              { value: 'list', label: t('calendar.listView') },
              { value: 'month', label: t('calendar.monthView') },
            ]}
          />
        </div>
        {view === 'list' ? (
          <div>
            <Text size="sm" fw={500} id="calendar-when-label">
              {t('calendar.when')}
            </Text>
            <SegmentedControl
              aria-labelledby="calendar-when-label"
              value={when}
              onChange={(v) => update('when', v === 'past' ? 'past' : '')}
              data={[
                { value: 'upcoming', label: t('calendar.upcoming') },
                { value: 'past', label: t('calendar.past') },
              ]}
            />
          </div>
        ) : null}
      </Group>

      <Group gap="xs" mih={28}>
        <Text role="status" aria-live="polite" fw={600}>
          {meetings.isPending ? '' : view === 'month' ? '' : t(when === 'upcoming' ? 'calendar.countUpcoming' : 'calendar.countPast', { count: shown.length })}
        </Text>
        {meetings.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>

      {meetings.isError ? (
        <ProblemAlert error={meetings.error} />
      ) : meetings.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : view === 'month' ? (
        <MonthView meetings={shown} />
      ) : shown.length === 0 ? (
        <Text>{t('calendar.none')}</Text>
      ) : (
        <ByMonth meetings={shown} groupName={groupName} />
      )}

      <CalendarFeeds publicUrl={calendar.data?.feeds.public ?? null} />
    </Stack>
  );
}

function NextReview({ calendar }: { calendar: CalendarData | undefined }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  if (!calendar) return null;
  const next = calendar.nextReviewConference;
  return (
    <Text data-testid="next-review">
      <strong>{t('calendar.nextReview', { number: next.number, year: next.year })}</strong>{' '}
      {t('calendar.cadence', { count: next.cadence.everyYears })}{' '}
      {next.meetingId ? (
        <Anchor component={Link} to={to(`/meetings/${next.meetingId}`)}>
          {t('calendar.nextReviewScheduled')}
        </Anchor>
      ) : (
        t('calendar.nextReviewNotScheduled')
      )}
    </Text>
  );
}

/** Meetings grouped by the month they start in (in their own time zone), each month under its heading. */
function ByMonth({ meetings, groupName }: { meetings: Meeting[]; groupName: (id: string) => ReactNode }) {
  const lang = useLang();
  const months = useMemo(() => {
    const out: { key: string; label: string; items: Meeting[] }[] = [];
    for (const m of meetings) {
      const key = m.local.startsAt.slice(0, 7);
      let month = out.find((x) => x.key === key);
      if (!month) {
        month = { key, label: formatMonth(key, lang), items: [] };
        out.push(month);
      }
      month.items.push(m);
    }
    return out;
  }, [meetings, lang]);
  return (
    <div className={classes.months}>
      {months.map((month) => (
        <section key={month.key} aria-labelledby={`month-${month.key}`}>
          <Title order={2} size="h3" id={`month-${month.key}`} mb="xs">
            {month.label}
          </Title>
          <ul className={classes.list}>
            {month.items.map((m) => (
              <MeetingItem key={m.id} meeting={m} groupName={groupName} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function MeetingItem({ meeting: m, groupName }: { meeting: Meeting; groupName: (id: string) => ReactNode }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const lang = useLang();
  const labels = useMeetingLabels();
  return (
    <li className={classes.item} data-meeting={m.id}>
      <Text component="ul" size="sm" c="dimmed" className={ui.inlineList}>
        <li>{labels.kind(m.kind)}</li>
        {m.sessionNumber ? <li>{t('meetings.session', { number: m.sessionNumber })}</li> : null}
        <li>{m.body.kind === 'plenary' ? t('meetings.plenary') : groupName(m.body.groupId)}</li>
      </Text>
      <Title order={3} size="h4">
        <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
          <LocalizedText text={m.title} mark={false} />
        </Anchor>{' '}
        <FallbackMark show={localized(m.title, lang).fallback} />
      </Title>
      <div className={classes.meta}>
        <MeetingDates meeting={m} />
        <MeetingStatusBadge status={m.status} />
      </div>
      <Text component="ul" size="sm" mt={4} className={ui.inlineList}>
        <li>{labels.format(m.format)}</li>
        {m.venue ? (
          <li>
            <InLanguage lang="en">{m.venue}</InLanguage>
          </li>
        ) : null}
      </Text>
    </li>
  );
}
