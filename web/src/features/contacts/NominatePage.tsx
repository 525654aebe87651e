import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ROLE_LABEL } from './labels';
import { emptyDraft, nominationOf, OtpField, PocFields, TRANSMISSION_MAX_BYTES, TransmissionField, transmissionOf } from './PocFields';

const ROLES = ['diplomatic', 'technical'] as const;

/** A focal point nominates a point of contact of its State; the API asks a current code of its authenticator for each change. */
export default function NominatePage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<(typeof ROLES)[number]>('technical');
  const [draft, setDraft] = useState(emptyDraft);
  const [otp, setOtp] = useState('');
  const [invite, setInvite] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const nominate = useMutation({
    mutationFn: async () => unwrap(api.POST('/api/v1/contacts/pocs', { body: { role, ...nominationOf(draft), otp, invite, transmission: await transmissionOf(file) } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to('/contacts'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && file.size > TRANSMISSION_MAX_BYTES) return;
    nominate.mutate();
  };
  return (
    <Stack gap="lg" maw="40rem">
      <PageHeading>{t('contacts.nominate.title')}</PageHeading>
      <Text>{t('contacts.nominate.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit}>
        <Stack>
          <ProblemAlert error={nominate.error} />
          <Select label={t('contacts.nominate.role')} data={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} value={role} onChange={(v) => v && setRole(v as typeof role)} allowDeselect={false} />
          <PocFields draft={draft} onChange={setDraft} error={nominate.error} />
          <TransmissionField value={file} onChange={setFile} error={nominate.error} />
          <Checkbox label={t('contacts.nominate.invite')} checked={invite} onChange={(e) => setInvite(e.currentTarget.checked)} />
          <OtpField value={otp} onChange={setOtp} error={nominate.error} />
          <Group>
            <Button type="submit" loading={nominate.isPending}>
              {t('contacts.nominate.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
