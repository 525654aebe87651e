import { Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import type { Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { formatDay, formatInZone, isolated } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { Localized } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { viewerZone } from '../../ui/zones';
import { StateName } from '../states';
import { agendaQuery, type AgendaItem } from './queries';
import classes from './MyPage.module.css';

type Kind = AgendaItem['kind'];
type Action = AgendaItem['action'];

/** The words of each kind and action, by their keys (each key written out, so the locale check finds it). */
const KIND = {
  'silence-procedure': 'my.kind.silence-procedure',
  report: 'my.kind.report',
  registration: 'my.kind.registration',
  amendment: 'my.kind.amendment',
  'draft-changed': 'my.kind.draft-changed',
  meeting: 'my.kind.meeting',
  'adoption-proposal': 'my.kind.adoption-proposal',
  'registration-to-confirm': 'my.kind.registration-to-confirm',
  'document-to-issue': 'my.kind.document-to-issue',
} as const satisfies Record<Kind, string>;
const ACTION = {
  'break-silence': 'my.action.break-silence',
  'start-report': 'my.action.start-report',
  'continue-report': 'my.action.continue-report',
  'view-report': 'my.action.view-report',
  register: 'my.action.register',
  'view-registration': 'my.action.view-registration',
  cosponsor: 'my.action.cosponsor',
  'review-changes': 'my.action.review-changes',
  open: 'my.action.open',
  decide: 'my.action.decide',
  'confirm-registration': 'my.action.confirm-registration',
  'upload-language-versions': 'my.action.upload-language-versions',
  'issue-agenda': 'my.action.issue-agenda',
} as const satisfies Record<Action, string>;
const WHEN = { deadline: 'my.when.deadline', starts: 'my.when.starts', registrationCloses: 'my.when.registrationCloses' } as const;
const REPORT = { 'not-started': 'my.report.notStarted', draft: 'my.report.draft', submitted: 'my.report.submitted' } as const;
const REGISTRATION = { submitted: 'my.registration.submitted', confirmed: 'my.registration.confirmed', other: 'my.registration.notRegistered' } as const;

/**
 * "My PoA": what needs the signed-in person now, nearest deadline first, each with its action. The
 * list, its order and each action come from the API (which asks each module with its own rules);
 * the page only words them, with each deadline in the reader's own time zone.
 */
export default function MyPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const lang = useLang();
  const me = useMe();
  const account = me.data?.account ?? null;
  const agenda = useQuery({ ...agendaQuery(), enabled: !!account });

  return (
    <Stack gap="lg">
      <PageHeading>{t('my.title')}</PageHeading>
      {me.isPending ? (
        <Loaded query={me} />
      ) : !account ? (
        <Text>
          <Anchor component={Link} to={`${to('/sign-in')}?next=${encodeURIComponent(to('/my'))}`}>
            {t('my.signInFirst')}
          </Anchor>
        </Text>
      ) : (
        <>
          <Text>
            {t('my.lead')} {t('my.zoneNote', { zone: isolated(viewerZone(), lang) })}
          </Text>
          <Loaded query={agenda}>
            {(data) =>
              data.items.length === 0 ? (
                <Text>{t('my.empty')}</Text>
              ) : (
                <ol className={classes.list} aria-label={t('my.listLabel')}>
                  {data.items.map((item) => (
                    <li key={item.key}>
                      <ItemCard item={item} />
                    </li>
                  ))}
                </ol>
              )
            }
          </Loaded>
        </>
      )}
    </Stack>
  );
}

function ItemCard({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const zone = viewerZone();
  const titleId = `my-${item.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} className={classes.item}>
      <div className={classes.head}>
        <Badge variant="light" color="un.9" radius="sm" tt="none">
          {t(KIND[item.kind])}
        </Badge>
        <Title order={2} size="h4" id={titleId} className={classes.title}>
          <Localized text={item.title} />
        </Title>
      </div>
      {item.deadline ? (
        <Text size="sm">
          <span className={classes.when}>{t(WHEN[whenOf(item)])}</span> {formatInZone(item.deadline.at, zone, lang)}
          {item.deadline.zone !== zone ? (
            <>
              <br />
              {t('my.setIn', { deadline: formatInZone(item.deadline.at, item.deadline.zone, lang) })}
            </>
          ) : null}
        </Text>
      ) : null}
      <Details item={item} lang={lang} />
      <Button component={Link} to={to(item.link)} variant={item.action === 'open' ? 'outline' : 'filled'} className={classes.action}>
        {t(ACTION[item.action])}
      </Button>
    </Card>
  );
}

/** What the deadline of an item is: when a meeting starts, when registration closes, or a deadline. */
function whenOf(item: AgendaItem): 'starts' | 'registrationCloses' | 'deadline' {
  if (item.kind === 'meeting' || item.kind === 'registration-to-confirm' || item.kind === 'document-to-issue') return 'starts';
  if (item.kind === 'registration') return item.action === 'register' ? 'registrationCloses' : 'starts';
  return 'deadline';
}

function Details({ item, lang }: { item: AgendaItem; lang: Language }) {
  const { t } = useTranslation();
  const d = item.detail;
  const lines: React.ReactNode[] = [];
  if (item.kind === 'report' && d.status) {
    lines.push(t(REPORT[d.status === 'not-started' || d.status === 'submitted' ? d.status : 'draft']));
    if (d.status !== 'submitted' && d.sectionsLeft !== undefined && d.sectionsTotal !== undefined) lines.push(t('my.report.sectionsLeft', { left: d.sectionsLeft, total: d.sectionsTotal, count: d.sectionsLeft }));
  }
  if (item.kind === 'registration' && d.status) lines.push(t(REGISTRATION[d.status === 'submitted' || d.status === 'confirmed' ? d.status : 'other']));
  if (item.kind === 'amendment' && d.state)
    lines.push(
      <>
        {t('my.amendment.proposedBy')} <StateName iso3={d.state} />
      </>,
    );
  if (item.kind === 'registration-to-confirm' && d.delegationName)
    lines.push(
      <>
        {t('my.registration.delegation')}{' '}
        <span lang="en" dir="ltr">
          {d.delegationName}
        </span>
      </>,
    );
  if (item.kind === 'document-to-issue' && d.missingLanguages?.length) {
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    lines.push(t('my.document.missing', { languages: new Intl.ListFormat(lang, { type: 'conjunction' }).format(d.missingLanguages.map((l) => names.of(l) ?? l)) }));
  }
  if (item.kind === 'document-to-issue' && item.action === 'issue-agenda') lines.push(t('my.document.agenda'));
  if ((item.kind === 'draft-changed' || item.kind === 'amendment' || item.kind === 'adoption-proposal') && d.changedAt) lines.push(t(item.kind === 'draft-changed' ? 'my.changed.changed' : 'my.changed.since', { date: formatDay(d.changedAt, lang) }));
  if (lines.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" component="div">
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </Text>
  );
}
