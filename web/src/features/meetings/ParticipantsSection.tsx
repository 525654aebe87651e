import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import listing from '../../ui/listing.module.css';
import { MeetingDates, ParticipantsTable } from './parts';
import { localized, participantsQuery, type MeetingPage, type ParticipantsList } from './queries';

const STANDING_KEYS = {
  member: 'meetings.participants.members',
  observer: 'meetings.participants.observers',
  organisation: 'meetings.participants.organisations',
} as const;

/** The list's tables: member States, observer States, organisations, each delegation with who is on it. */
function Delegations({ list }: { list: ParticipantsList }) {
  const { t } = useTranslation();
  if (list.delegations.length === 0) return <Text>{t('meetings.participants.none')}</Text>;
  return (
    <>
      {(['member', 'observer', 'organisation'] as const).map((standing) => {
        const delegations = list.delegations.filter((d) => d.standing === standing);
        if (!delegations.length) return null;
        return (
          <div key={standing} className={listing.scroll}>
            <ParticipantsTable caption={t(STANDING_KEYS[standing])} delegations={delegations} />
          </div>
        );
      })}
    </>
  );
}

/**
 * The list as the viewer may read it: not published yet, loading, its problem, or the delegations,
 * marked as a preview while the Secretariat alone sees it; `links` go above the tables.
 */
function Participants({ meeting: m, links }: { meeting: MeetingPage; links?: ReactNode }) {
  const { t } = useTranslation();
  const list = useQuery({ ...participantsQuery(m.id), enabled: m.can.readParticipants });
  if (!m.can.readParticipants) return <Text data-testid="participants-unpublished">{t('meetings.participants.notPublished')}</Text>;
  if (list.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  return (
    <Stack gap="sm">
      {!list.data.published ? (
        <Alert color="#8a3a00" variant="light" title={t('meetings.participants.previewTitle')}>
          {t('meetings.participants.preview')}
        </Alert>
      ) : null}
      {links}
      <Delegations list={list.data} />
    </Stack>
  );
}

/**
 * The list of participants: name, title and delegation only. Public once the Secretariat publishes
 * it; before, the Secretariat alone sees it (the API's `can.readParticipants` says which).
 */
export function ParticipantsSection({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const to = useLocalPath();

  return (
    <section aria-labelledby="meeting-participants" data-testid="participants">
      <Title order={2} size="h3" id="meeting-participants" mb="sm">
        {t('meetings.participants.title')}
      </Title>
      <Participants
        meeting={m}
        links={
          <Group gap="md">
            <Anchor href={`/api/v1/meetings/${m.id}/participants?format=csv`} download>
              {t('meetings.participants.csv')}
            </Anchor>
            <Anchor component={Link} to={to(`/meetings/${m.id}?view=participants`)}>
              {t('meetings.participants.printable')}
            </Anchor>
          </Group>
        }
      />
    </section>
  );
}

/**
 * The list of participants to print (`/meetings/:id?view=participants`): the meeting, its dates and
 * venue, and the list, in the page's language and direction, without the site's header and footer.
 */
export function PrintableParticipants({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const list = useQuery({ ...participantsQuery(m.id), enabled: m.can.readParticipants });
  const title = localized(m.title, lang);

  return (
    <Stack gap="md" data-testid="printable-participants">
      <Group gap="md" className={ui.noPrint}>
        <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
          {t('meetings.participants.backToMeeting')}
        </Anchor>
        <Button variant="outline" onClick={() => window.print()} disabled={!list.data}>
          {t('meetings.participants.print')}
        </Button>
      </Group>
      <div>
        <PageHeading title={t('meetings.participants.documentTitle', { meeting: title.text })}>{t('meetings.participants.title')}</PageHeading>
        <Text fw={600} size="lg" lang={title.language}>
          {title.text}
        </Text>
      </div>
      <dl className={ui.facts}>
        <dt>{t('meetings.dates')}</dt>
        <dd>
          <MeetingDates meeting={m} />
        </dd>
        <dt>{t('meetings.venue')}</dt>
        <dd>{m.venue ?? t('meetings.noVenue')}</dd>
      </dl>
      <Participants meeting={m} />
    </Stack>
  );
}
