import { Anchor, Badge, Loader, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInZone } from '../../ui/dates';
import { Localized, type LocalizedText } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { outcomesQuery } from '../drafts';
import { calendarQuery } from '../meetings';
import { cyclesQuery } from '../reporting';
import classes from './HomePage.module.css';

const SHOWN = 5;

interface NextEvent {
  key: string;
  at: string;
  zone: string;
  title: LocalizedText;
  what: string;
  to: string;
}

/**
 * Where the Programme of Action stands and what comes next, from the platform's own record: the
 * outcomes adopted, the meetings scheduled, registration deadlines, the reporting cycles open and the
 * next review conference. Nothing here is written in advance: it is true on the day it is read.
 */
export function NextSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const calendar = useQuery(calendarQuery());
  const cycles = useQuery(cyclesQuery());
  const outcomes = useQuery(outcomesQuery());
  const pending = calendar.isPending || cycles.isPending || outcomes.isPending;
  const failed = [calendar, cycles, outcomes].find((q) => q.isError);

  const now = Date.now();
  const events: NextEvent[] = [];
  for (const m of calendar.data?.items ?? []) {
    if (m.registrationOpen && m.registrationDeadline && Date.parse(m.registrationDeadline) > now)
      events.push({ key: `reg-${m.id}`, at: m.registrationDeadline, zone: m.timeZone, title: m.title, what: t('home.next.registrationCloses'), to: to(`/meetings/${m.id}`) });
    if (Date.parse(m.startsAt) > now) events.push({ key: `m-${m.id}`, at: m.startsAt, zone: m.timeZone, title: m.title, what: t('home.next.meetingStarts'), to: to(`/meetings/${m.id}`) });
  }
  const openCycles = (cycles.data?.items ?? []).filter((c) => c.status === 'open');
  for (const c of openCycles) events.push({ key: `c-${c.id}`, at: c.deadlineAt, zone: c.deadlineZone, title: { en: c.title }, what: t('home.next.reportsDue'), to: to('/reporting') });
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const adopted = outcomes.data?.items.length ?? 0;
  const nextMeeting = (calendar.data?.items ?? []).find((m) => Date.parse(m.endsAt) > now) ?? null;
  const review = calendar.data?.nextReviewConference ?? null;

  return (
    <section aria-labelledby="home-next">
      <Title order={2} id="home-next" className={classes.sectionTitle}>
        {t('home.next.title')}
      </Title>
      {pending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : failed ? (
        <ProblemAlert error={failed.error} />
      ) : (
        <>
          <dl className={classes.status}>
            <div>
              <dt>{t('home.status.outcomes')}</dt>
              <dd>{new Intl.NumberFormat(lang).format(adopted)}</dd>
            </div>
            <div>
              <dt>{t('home.status.nextMeeting')}</dt>
              <dd>
                {nextMeeting ? (
                  <>
                    <Anchor component={Link} to={to(`/meetings/${nextMeeting.id}`)}>
                      <Localized text={nextMeeting.title} />
                    </Anchor>
                    {' · '}
                    {formatInZone(nextMeeting.startsAt, nextMeeting.timeZone, lang, { time: false, named: false })}
                  </>
                ) : (
                  t('home.status.noMeeting')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('home.status.reporting')}</dt>
              <dd>{openCycles.length > 0 ? t('home.status.cycleOpen', { deadline: formatInZone(openCycles[0]!.deadlineAt, openCycles[0]!.deadlineZone, lang, { time: false, named: false }) }) : t('home.status.noCycle')}</dd>
            </div>
            {review ? (
              <div>
                <dt>{t('home.status.review')}</dt>
                <dd>{t('home.status.reviewDue', { number: review.number, year: review.year })}</dd>
              </div>
            ) : null}
          </dl>
          {events.length === 0 ? (
            <Text size="sm">{t('home.next.nothing')}</Text>
          ) : (
            <Timeline active={0} bulletSize={18} lineWidth={2} className={classes.prose}>
              {events.slice(0, SHOWN).map((e) => (
                <Timeline.Item
                  key={e.key}
                  title={
                    <span className={classes.timelineTitle}>
                      <Badge variant="outline" color="un.8" radius="sm" tt="none" size="lg" className={classes.period}>
                        {formatInZone(e.at, e.zone, lang, { time: false, named: false })}
                      </Badge>
                      <Title order={3} size="h5" component="span" className={classes.timelineHeading}>
                        {e.what}
                      </Title>
                    </span>
                  }
                >
                  <Anchor component={Link} to={e.to} size="sm">
                    <Localized text={e.title} />
                  </Anchor>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </>
      )}
    </section>
  );
}
