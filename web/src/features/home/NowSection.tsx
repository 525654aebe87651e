import type { ReactNode } from 'react';
import { Anchor, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { InLanguage, Localized, Verbatim } from '../../ui/localized';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import { outcomesQuery, silenceQuery } from '../drafts';
import { calendarQuery } from '../meetings';
import { cyclesQuery } from '../reporting';
import classes from './HomePage.module.css';
import { formatDay, formatInZone } from '../../ui/dates';

const SHOWN = 3;

/**
 * What the PoA is doing now, from the public record: the next meetings, the procedures open for
 * silence, the reporting cycles open, the latest adopted outcomes. Each card loads by itself, so
 * a slow one never holds the others back.
 */
export function NowSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const calendar = useQuery(calendarQuery());
  const silence = useQuery(silenceQuery());
  const cycles = useQuery(cyclesQuery());
  const outcomes = useQuery(outcomesQuery());

  const meetings = (calendar.data?.items ?? []).slice(0, SHOWN);
  const open = silence.data?.items ?? [];
  const openCycles = (cycles.data?.items ?? []).filter((c) => c.status === 'open');
  const latest = (outcomes.data?.items ?? []).slice(0, SHOWN);

  return (
    <section aria-labelledby="home-now">
      <Title order={2} id="home-now" className={classes.sectionTitle}>
        {t('home.now.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NowCard id="now-meetings" title={t('home.now.meetings')} all={{ to: to('/meetings'), label: t('home.now.allMeetings') }} query={calendar} empty={meetings.length === 0 ? t('home.now.noMeetings') : null}>
          {meetings.map((m) => (
            <li key={m.id}>
              <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
                <Localized text={m.title} />
              </Anchor>
              <Text component="ul" size="sm" c="dimmed" className={ui.inlineList}>
                <li>{formatInZone(m.startsAt, m.timeZone, lang, { time: false, named: false })}</li>
                {m.venue ? (
                  <li>
                    <InLanguage lang="en">{m.venue}</InLanguage>
                  </li>
                ) : null}
              </Text>
            </li>
          ))}
        </NowCard>
        <NowCard
          id="now-silence"
          title={t('home.now.silence')}
          all={{ to: to('/silence-procedures'), label: t('home.now.allSilence') }}
          query={silence}
          empty={open.length === 0 ? t('home.now.noSilence') : null}
        >
          {open.slice(0, SHOWN).map((p) => (
            <li key={p.id}>
              <Anchor component={Link} to={to(`/silence-procedures#silence-${p.id}`)}>
                <InLanguage lang="en">{p.title}</InLanguage>
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('home.now.silenceUntil', { deadline: formatInZone(p.deadlineAt, p.deadlineZone, lang) })}
              </Text>
            </li>
          ))}
        </NowCard>
        <NowCard id="now-reporting" title={t('home.now.reporting')} all={{ to: to('/reporting'), label: t('home.now.allReporting') }} query={cycles} empty={openCycles.length === 0 ? t('home.now.noReporting') : null}>
          {openCycles.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              <Anchor component={Link} to={to(`/reporting/cycles/${c.id}/analysis`)}>
                <InLanguage lang="en">{c.title}</InLanguage>
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('home.now.reportsDue', { deadline: formatInZone(c.deadlineAt, c.deadlineZone, lang) })}
              </Text>
            </li>
          ))}
        </NowCard>
        <NowCard id="now-outcomes" title={t('home.now.outcomes')} all={{ to: to('/outcomes'), label: t('home.now.allOutcomes') }} query={outcomes} empty={latest.length === 0 ? t('home.now.noOutcomes') : null}>
          {latest.map((o) => (
            <li key={o.id}>
              <Anchor component={Link} to={to(`/outcomes/${o.id}`)}>
                <span className={ui.code}>
                  <Verbatim>{o.symbol}</Verbatim>
                </span>{' '}
                <InLanguage lang="en">{o.title}</InLanguage>
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('home.now.adoptedOn', { date: formatDay(o.adoptedAt, lang) })}
              </Text>
            </li>
          ))}
        </NowCard>
      </SimpleGrid>
    </section>
  );
}

function NowCard({
  id,
  title,
  all,
  query,
  empty,
  children,
}: {
  id: string;
  title: string;
  all: { to: string; label: string };
  query: { isPending: boolean; isError: boolean; error: unknown };
  empty: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {query.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : query.isError ? (
          <ProblemAlert error={query.error} />
        ) : empty ? (
          <Text size="sm">{empty}</Text>
        ) : (
          <ul className={classes.nowList}>{children}</ul>
        )}
        <Anchor component={Link} to={all.to} size="sm" fw={600}>
          {all.label}
        </Anchor>
      </Stack>
    </Card>
  );
}
