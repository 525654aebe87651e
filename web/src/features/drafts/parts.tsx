import { useEffect, useState } from 'react';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useLocation } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { StateName, stateQuery } from '../states';
import { PageHeading } from '../../ui/PageHeading';
import { viewerZone } from '../../ui/zones';
import { useBodyName, useDecisionProblem, useDraftLabels, type Draft, type DraftStatus } from './queries';
import classes from './drafts.module.css';
import ui from '../../ui/ui.module.css';
import { formatClock, formatInZone, formatTimeLeft, isolated } from '../../ui/dates';
import { InLanguage } from '../../ui/localized';

/** A problem from the API, the server's refusals said plainly in the page's language. */
export function DecisionAlert({ error }: { error: unknown }) {
  const message = useDecisionProblem()(error);
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={problemTitle(error)} role="alert" data-problem="true">
      {message}
    </Alert>
  );
}

/** A draft's status, in words. */
export function DraftStatusBadge({ status }: { status: DraftStatus }) {
  const labels = useDraftLabels();
  return (
    <Badge variant={status === 'negotiating' ? 'outline' : 'filled'} color={status === 'adopted' ? 'un' : 'dark'} className={ui.badge} data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}

/** States, by name, in the page's language. */
export function StateNames({ codes }: { codes: readonly string[] }) {
  return (
    <>
      {codes.map((c, i) => (
        <span key={c} data-state={c}>
          {i > 0 ? ', ' : ''}
          <StateName iso3={c} />
        </span>
      ))}
    </>
  );
}

/** The heading block shared by the draft's pages, with the links between them. */
export function DraftHeader({ draft, title, links = true }: { draft: Draft; title?: string; links?: boolean }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useDraftLabels();
  const bodyName = useBodyName();
  return (
    <div>
      <Group gap="xs">
        <Anchor component={Link} to={to('/drafts')} size="sm">
          {t('drafts.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {labels.kind(draft.kind)} · {bodyName(draft.body)}
        </Text>
      </Group>
      <PageHeading title={title ?? draft.title}>
        {title ? (
          <>
            {title}
            <Text component="span" display="block" size="lg">
              <InLanguage lang="en">{draft.title}</InLanguage>
            </Text>
          </>
        ) : (
          <InLanguage lang="en">{draft.title}</InLanguage>
        )}
      </PageHeading>
      <Group gap="xs">
        <DraftStatusBadge status={draft.status} />
        <Text size="sm">{t('drafts.latestIs', { revision: labels.revision(draft.latest.number) })}</Text>
        {draft.outcome ? (
          <Anchor component={Link} to={to(`/outcomes/${draft.outcome.id}`)} size="sm">
            {t('drafts.adoption.seeOutcome', { symbol: draft.outcome.symbol })}
          </Anchor>
        ) : null}
      </Group>
      {links ? <DraftLinks id={draft.id} /> : null}
    </div>
  );
}

/** The draft's pages: the text, the comparison of revisions, the compilation of proposals. */
export function DraftLinks({ id }: { id: string }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const { pathname } = useLocation();
  const links = [
    { path: `/drafts/${id}`, label: t('drafts.links.text') },
    { path: `/drafts/${id}/compare`, label: t('drafts.links.compare') },
    { path: `/drafts/${id}/compilation`, label: t('drafts.links.compilation') },
  ];
  return (
    <nav aria-label={t('drafts.links.label')}>
      <ul className={classes.subnav}>
        {links.map((l) => (
          <li key={l.path}>
            <Link to={to(l.path)} aria-current={pathname === to(l.path) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The current time, every `ms`. */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/** A deadline as it was stated (in its zone, named) and in the viewer's own zone. */
export function Deadline({ at, zone }: { at: string; zone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mine = viewerZone();
  return (
    <>
      <Text component="span" fw={600} data-testid="deadline-stated">
        {t('silence.deadlineIn', { time: formatInZone(at, zone, lang, { named: false, weekday: true }), zone: isolated(zone, lang) })}
      </Text>
      {mine !== zone ? (
        <Text component="span" size="sm" display="block" data-testid="deadline-viewer">
          {t('silence.deadlineYours', { time: formatInZone(at, mine, lang, { named: false, weekday: true }), zone: isolated(mine, lang) })}
        </Text>
      ) : null}
    </>
  );
}

/** Time left until a deadline, ticking, with the clock of the stated zone. */
export function Countdown({ at, zone }: { at: string; zone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow();
  const left = formatTimeLeft(at, now, lang);
  const remaining = left === null ? t('silence.passed') : t('silence.left', { time: left });
  const clock = formatClock(now, zone, lang);
  return (
    <Text component="div" size="sm">
      <span role="timer" aria-live="off" className={classes.timer} data-testid="countdown">
        {remaining}
      </span>
      {' · '}
      <span className={classes.timer}>{t('silence.nowIn', { time: clock, zone: isolated(zone, lang) })}</span>
    </Text>
  );
}

/** A State's name in the page's language, as a string (for buttons that name the State they act for). */
export function useStateNameOf(iso3: string | null): string {
  const lang = useLang();
  const { data } = useQuery({ ...stateQuery(iso3 ?? 'XXX'), enabled: !!iso3 });
  return (iso3 && data?.state.names[lang]) || iso3 || '';
}
