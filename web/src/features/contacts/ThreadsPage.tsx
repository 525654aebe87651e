import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { KIND_LABEL, URGENCY_LABEL, STATUS_LABEL } from './labels';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { threadsQuery } from './queries';
import { ThreadRoute } from './state-names';
import ui from '../../ui/ui.module.css';

const OPENING_KINDS = ['incident-notification', 'request-for-information', 'request-for-assistance'] as const;
const URGENCIES = ['routine', 'priority', 'urgent'] as const;

/** Write to another State's points of contact, with a message of the template. */
function NewThread() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [toState, setToState] = useState('');
  const [kind, setKind] = useState<(typeof OPENING_KINDS)[number]>('incident-notification');
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>('priority');
  const [text, setText] = useState('');
  const [exercise, setExercise] = useState(false);
  const [secretariatMayRead, setSecretariatMayRead] = useState(false);
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/contacts/threads', { body: { toState: toState.trim().toUpperCase(), kind, urgency, text, exercise, secretariatMayRead, respondWithinHours: null } })),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to(`/contacts/threads/${id}`));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Stack>
        <Title order={2} size="h3">
          {t('contacts.threads.new')}
        </Title>
        <ProblemAlert error={send.error} />
        <TextInput label={t('contacts.threads.toState')} description={t('contacts.threads.toStateHelp')} value={toState} onChange={(e) => setToState(e.currentTarget.value)} required maxLength={3} dir="ltr" />
        <Select label={t('contacts.threads.kind')} data={OPENING_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
        <Select label={t('contacts.threads.urgency')} data={URGENCIES.map((u) => ({ value: u, label: t(URGENCY_LABEL[u]) }))} value={urgency} onChange={(v) => v && setUrgency(v as typeof urgency)} allowDeselect={false} />
        <Textarea label={t('contacts.threads.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={4} />
        <Checkbox label={t('contacts.threads.exercise')} checked={exercise} onChange={(e) => setExercise(e.currentTarget.checked)} />
        <Checkbox label={t('contacts.threads.secretariatMayRead')} checked={secretariatMayRead} onChange={(e) => setSecretariatMayRead(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('contacts.threads.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The exchanges of the caller's State with other States. */
export default function ThreadsPage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const query = useQuery(threadsQuery());
  return (
    <Stack gap="lg">
      <PageHeading>{t('contacts.threads.title')}</PageHeading>
      <Anchor component={Link} to={to('/contacts')}>
        {t('contacts.directory.title')}
      </Anchor>
      <Loaded query={query}>
        {(data) => (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
            {data.items.length === 0 ? <Text>{t('contacts.threads.none')}</Text> : null}
            {data.items.map((th) => (
              <Paper component="li" withBorder p="sm" key={th.id}>
                <Group gap="sm">
                  {th.exercise ? <Badge color="#8a3a00" className={ui.badge}>{t('contacts.exercise')}</Badge> : null}
                  <Anchor component={Link} to={to(`/contacts/threads/${th.id}`)}>
                    <ThreadRoute from={th.fromState} to={th.toState} kind={th.kind} />
                  </Anchor>
                  <Badge variant="outline" color="dark" className={ui.badge}>{t(STATUS_LABEL[th.status])}</Badge>
                  <Text size="sm">{t(URGENCY_LABEL[th.urgency])}</Text>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Loaded>
      {query.isSuccess ? <NewThread /> : null}
    </Stack>
  );
}
