import { Alert, Anchor, Group, Loader, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { participantsQuery, useMeetingLabels, type MeetingPage } from './queries';
import classes from './meetings.module.css';

const STANDING_KEYS = {
  member: 'meetings.participants.members',
  observer: 'meetings.participants.observers',
  organisation: 'meetings.participants.organisations',
} as const;

/**
 * The list of participants: name, title and delegation only. Public once the Secretariat publishes
 * it; before, the Secretariat alone sees it (the API's `can.readParticipants` says which).
 */
export function ParticipantsSection({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const labels = useMeetingLabels();
  const list = useQuery({ ...participantsQuery(m.id), enabled: m.can.readParticipants });

  return (
    <section aria-labelledby="meeting-participants" data-testid="participants">
      <Title order={2} size="h3" id="meeting-participants" mb="sm">
        {t('meetings.participants.title')}
      </Title>
      {!m.can.readParticipants ? (
        <Text data-testid="participants-unpublished">{t('meetings.participants.notPublished')}</Text>
      ) : list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : (
        <>
          {!list.data.published ? (
            <Alert color="#8a3a00" variant="light" mb="sm" title={t('meetings.participants.previewTitle')}>
              {t('meetings.participants.preview')}
            </Alert>
          ) : null}
          <Group gap="md" mb="sm">
            <Anchor href={`/api/v1/meetings/${m.id}/participants?format=csv`} download>
              {t('meetings.participants.csv')}
            </Anchor>
            <Anchor href={`/api/v1/meetings/${m.id}/participants?format=html`} target="_blank" rel="noopener">
              {t('meetings.participants.printable')}
            </Anchor>
          </Group>
          {list.data.delegations.length === 0 ? (
            <Text>{t('meetings.participants.none')}</Text>
          ) : (
            (['member', 'observer', 'organisation'] as const).map((standing) => {
              const delegations = list.data.delegations.filter((d) => d.standing === standing);
              if (!delegations.length) return null;
              return (
                <div key={standing}>
                  <Title order={3} size="h4" mt="md" mb="xs">
                    {t(STANDING_KEYS[standing])}
                  </Title>
                  {delegations.map((d) => (
                    <div key={`${d.kind}-${d.id}`} data-delegation={d.id}>
                      <Title order={4} size="h5" mt="xs">
                        {d.name}
                      </Title>
                      <ul className={classes.list}>
                        {d.participants.map((p, i) => (
                          <li key={i}>
                            <Text span fw={600}>
                              {labels.role(p.role)}:
                            </Text>{' '}
                            {p.name}
                            {p.title ? `, ${p.title}` : ''}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              );
            })
          )}
        </>
      )}
    </section>
  );
}
