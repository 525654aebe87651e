import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { Loaded } from '../../ui/Loaded';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';
import { ROLE_LABEL } from './labels';
import { draftOf, nominationOf, OtpField, PocFields, TRANSMISSION_MAX_BYTES, TransmissionField, transmissionOf } from './PocFields';
import { pocQuery, type Poc } from './queries';

/** The focal point changes a nomination of its State: made on the version it opened (If-Match), with a fresh code of its authenticator. */
function ChangeForm({ poc }: { poc: Poc }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(poc));
  const [otp, setOtp] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // The version this form was opened on, kept while it lives.
  const [openedOn] = useState(versionTag(poc.version));
  const save = useVersionedSave<void, { id: string; version: number }, Poc>({
    etag: openedOn,
    send: async (ifMatch) =>
      unwrap(api.PUT('/api/v1/contacts/pocs/{id}', { params: { path: { id: poc.id } }, headers: ifMatch, body: { ...nominationOf(draft, poc.otherChannels), otp, transmission: await transmissionOf(file) } })),
    savedEtag: (r) => versionTag(r.version),
    onSuccess: async () => {
      notifySuccess(t('contacts.change.saved'));
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to(`/contacts/pocs/${poc.id}/history`));
    },
    onStale: async () => {
      const fresh = await queryClient.fetchQuery({ ...pocQuery(poc.id), staleTime: 0 });
      return { value: fresh, etag: versionTag(fresh.version) };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && file.size > TRANSMISSION_MAX_BYTES) return;
    save.mutate();
  };
  const { theirs } = save;
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit}>
      <Stack>
        {theirs ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('contacts.change.staleTitle')} data-testid="stale">
            <Text size="sm">{t('contacts.change.stale')}</Text>
            <Text size="sm" mt="xs" fw={600} dir="auto">
              {theirs.name}, {theirs.title} · {theirs.email} · {theirs.phone}
            </Text>
            <Button mt="xs" size="compact-sm" variant="outline" onClick={() => (setDraft(draftOf(theirs)), save.dropTheirs())}>
              {t('contacts.change.takeTheirs')}
            </Button>
          </Alert>
        ) : null}
        <ProblemAlert error={save.stale ? null : save.error} />
        <PocFields draft={draft} onChange={setDraft} error={save.error} />
        <TransmissionField value={file} onChange={setFile} error={save.error} />
        <OtpField value={otp} onChange={setOtp} error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('contacts.change.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function ChangePocPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ ...pocQuery(id), refetchOnWindowFocus: false });
  return (
    <Stack gap="lg" maw="40rem">
      <PageHeading>{t('contacts.change.title')}</PageHeading>
      <Loaded query={query}>
        {(poc) => (
          <>
            <Text>
              {poc.state} · {t(ROLE_LABEL[poc.role])} · {t('contacts.change.version', { version: poc.version })}
            </Text>
            <Text size="sm">{t('contacts.nominate.intro')}</Text>
            {poc.can.change ? <ChangeForm poc={poc} /> : <Text>{t('contacts.change.notYours')}</Text>}
          </>
        )}
      </Loaded>
    </Stack>
  );
}
