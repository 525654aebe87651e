import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { Loaded } from '../../ui/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { KIND_LABEL, STATUS_LABEL } from './labels';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { formatInstant } from '../../ui/dates';
import { threadQuery } from './queries';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { ThreadRoute, useStateNames } from './state-names';
import { AsWritten, ProperName } from '../../ui/localized';
import ui from '../../ui/ui.module.css';

const KINDS = ['acknowledgement', 'reply', 'request-for-information', 'request-for-assistance', 'incident-notification', 'closure'] as const;

/** One exchange between two States: its messages in order, and the answer form while it is open. */
export default function ThreadPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery(threadQuery(id));
  const states = useStateNames();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('acknowledgement');
  const [text, setText] = useState('');
  const answer = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/contacts/threads/{id}/messages', { params: { path: { id } }, body: { kind, text, urgency: 'routine', respondWithinHours: null } })),
    onSuccess: async (sent) => {
      setText('');
      // The message just sent, at the end of the exchange, once it is read again.
      focusWhenShown(byAttribute('data-message', sent.id), { timeoutMs: 10_000 });
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate();
  };
  return (
    <Loaded query={query}>
      {(th) => (
        <Stack gap="lg">
          <PageHeading title={t('contacts.threads.route', { from: states.text(th.fromState), to: states.text(th.toState), kind: t(KIND_LABEL[th.kind]) })}>
            <ThreadRoute from={th.fromState} to={th.toState} kind={th.kind} />
          </PageHeading>
          <Group>
            {th.exercise ? <Badge color="#8a3a00" className={ui.badge}>{t('contacts.exercise')}</Badge> : null}
            <Badge variant="outline" color="dark" className={ui.badge}>{t(STATUS_LABEL[th.status])}</Badge>
            <Anchor component={Link} to={to('/contacts/threads')}>
              {t('contacts.threads.title')}
            </Anchor>
          </Group>
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
            {th.messages.map((m) => (
              <Paper component="li" withBorder p="md" key={m.id} data-message={m.id}>
                <Group gap="xs" mb="xs">
                  {m.exercise ? <Badge color="#8a3a00" className={ui.badge}>{t('contacts.exercise')}</Badge> : null}
                  <Text fw={600}>{t(KIND_LABEL[m.kind])}</Text>
                  <Text size="sm">
                    {states.label(m.fromState)} · <ProperName>{m.fromName}</ProperName> · {formatInstant(m.createdAt, lang)}
                  </Text>
                </Group>
                {/* What a point of contact wrote, in whatever language: as written, marked where its letters are not the page's. */}
                <Text style={{ whiteSpace: 'pre-wrap' }}>
                  <AsWritten>{m.text}</AsWritten>
                </Text>
              </Paper>
            ))}
          </Stack>
          {th.can.answer ? (
            <Paper withBorder p="md" component="form" onSubmit={submit}>
              <Stack>
                <Title order={2} size="h3">
                  {t('contacts.threads.answer')}
                </Title>
                <ProblemAlert error={answer.error} />
                <Select label={t('contacts.threads.kind')} data={KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
                <Textarea label={t('contacts.threads.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={3} />
                <Group>
                  <Button type="submit" loading={answer.isPending}>
                    {t('contacts.threads.send')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : null}
        </Stack>
      )}
    </Loaded>
  );
}
