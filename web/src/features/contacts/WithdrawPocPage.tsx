import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
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
import { OtpField } from './PocFields';
import { pocQuery, type Poc } from './queries';

/** The focal point withdraws a nomination of its State, on the version it saw (If-Match), with a fresh code of its authenticator. */
function WithdrawForm({ poc }: { poc: Poc }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [otp, setOtp] = useState('');
  const [openedOn] = useState(versionTag(poc.version));
  const withdraw = useVersionedSave<void, { id: string; version: number }, Poc>({
    etag: openedOn,
    send: (ifMatch) => unwrap(api.POST('/api/v1/contacts/pocs/{id}/withdrawal', { params: { path: { id: poc.id } }, headers: ifMatch, body: { otp, reason } })),
    onSuccess: async () => {
      notifySuccess(t('contacts.withdraw.done'));
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to('/contacts'));
    },
    onStale: async () => {
      const fresh = await queryClient.fetchQuery({ ...pocQuery(poc.id), staleTime: 0 });
      return { value: fresh, etag: versionTag(fresh.version) };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.mutate();
  };
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit}>
      <Stack>
        {withdraw.theirs ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('contacts.change.staleTitle')} data-testid="stale">
            <Text size="sm">{t('contacts.withdraw.stale')}</Text>
            <Text size="sm" mt="xs" fw={600} dir="auto">
              {withdraw.theirs.name}, {withdraw.theirs.title} · {withdraw.theirs.email}
            </Text>
          </Alert>
        ) : null}
        <ProblemAlert error={withdraw.stale ? null : withdraw.error} />
        <Textarea label={t('contacts.withdraw.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <OtpField value={otp} onChange={setOtp} error={withdraw.error} />
        <Group>
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t('contacts.withdraw.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export default function WithdrawPocPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ ...pocQuery(id), refetchOnWindowFocus: false });
  return (
    <Stack gap="lg" maw="40rem">
      <PageHeading>{t('contacts.withdraw.title')}</PageHeading>
      <Loaded query={query}>
        {(poc) => (
          <>
            <Text fw={600} dir="auto">
              {poc.name}
            </Text>
            <Text>
              {poc.state} · {t(ROLE_LABEL[poc.role])} · {poc.organisation}
            </Text>
            <Alert color="orange" variant="light">
              <Text size="sm">{poc.hasAccount ? t('contacts.withdraw.warningAccount') : t('contacts.withdraw.warning')}</Text>
            </Alert>
            {poc.can.change ? <WithdrawForm poc={poc} /> : <Text>{t('contacts.change.notYours')}</Text>}
          </>
        )}
      </Loaded>
    </Stack>
  );
}
