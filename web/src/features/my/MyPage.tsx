import { Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { formatDay, formatInZone } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { Localized } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { viewerZone } from '../../ui/time-zones';
import { StateName } from '../states';
import { agendaQuery, type AgendaItem } from './queries';
import classes from './MyPage.module.css';

/**
 * "My PoA": what needs the signed-in person now, nearest deadline first, each with its action. The
 * list, its order and each action come from the API (which asks each module with its own rules);
 * the page only words them, with each deadline in the reader's own time zone.
 */
export default function MyPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
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
            {t('my.lead')} {t('my.zoneNote', { zone: viewerZone() })}
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
          {t(`my.kind.${item.kind}`)}
        </Badge>
        <Title order={2} size="h4" id={titleId} className={classes.title}>
          <Localized text={item.title} />
        </Title>
      </div>
      {item.deadline ? (
        <Text size="sm">
          <span className={classes.when}>{t(`my.when.${whenOf(item)}`)}</span> {formatInZone(item.deadline.at, zone, lang)}
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
        {t(`my.action.${item.action}`)}
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
    lines.push(t(`my.report.${d.status === 'not-started' ? 'notStarted' : d.status === 'submitted' ? 'submitted' : 'draft'}`));
    if (d.status !== 'submitted' && d.sectionsLeft !== undefined && d.sectionsTotal !== undefined) lines.push(t('my.report.sectionsLeft', { left: d.sectionsLeft, total: d.sectionsTotal, count: d.sectionsLeft }));
  }
  if (item.kind === 'registration' && d.status) lines.push(t(`my.registration.${d.status === 'submitted' ? 'submitted' : d.status === 'confirmed' ? 'confirmed' : 'notRegistered'}`));
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
  if ((item.kind === 'draft-changed' || item.kind === 'amendment' || item.kind === 'adoption-proposal') && d.changedAt) lines.push(t(`my.changed.${item.kind === 'draft-changed' ? 'changed' : 'since'}`, { date: formatDay(d.changedAt, lang) }));
  if (lines.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" component="div">
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </Text>
  );
}
