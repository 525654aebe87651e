import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ROLE_LABEL, WEEKDAY_LABEL } from './labels';

const ROLES = ['diplomatic', 'technical'] as const;

/** A focal point nominates a point of contact of its State; the API asks a current code of its authenticator for each change. */
export default function NominatePage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<(typeof ROLES)[number]>('technical');
  const [f, setF] = useState({ name: '', title: '', organisation: '', email: '', phone: '', languages: 'en', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, from: '09:00', to: '18:00', otp: '' });
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [invite, setInvite] = useState(true);
  const set = (key: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [key]: e.currentTarget.value });
  const nominate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/contacts/pocs', {
          body: {
            role,
            name: f.name,
            title: f.title,
            organisation: f.organisation,
            email: f.email,
            phone: f.phone,
            otherChannels: [],
            languages: f.languages.split(/[\s,]+/).filter(Boolean),
            timeZone: f.timeZone,
            workingHours: { days, from: f.from, to: f.to },
            otp: f.otp,
            invite,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void navigate(to('/contacts'));
    },
  });
  const fieldError = (name: string) => (nominate.error instanceof ApiProblem ? nominate.error.fieldError(name)?.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
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
          <TextInput label={t('contacts.nominate.name')} value={f.name} onChange={set('name')} required error={fieldError('name')} />
          <TextInput label={t('contacts.nominate.jobTitle')} value={f.title} onChange={set('title')} error={fieldError('title')} />
          <TextInput label={t('contacts.nominate.organisation')} value={f.organisation} onChange={set('organisation')} required error={fieldError('organisation')} />
          <TextInput label={t('contacts.nominate.email')} type="email" value={f.email} onChange={set('email')} required dir="ltr" error={fieldError('email')} />
          <TextInput label={t('contacts.nominate.phone')} type="tel" value={f.phone} onChange={set('phone')} required dir="ltr" error={fieldError('phone')} />
          <TextInput label={t('contacts.nominate.languages')} description={t('contacts.nominate.languagesHelp')} value={f.languages} onChange={set('languages')} required dir="ltr" error={fieldError('languages')} />
          <TextInput label={t('contacts.nominate.timeZone')} description={t('contacts.nominate.timeZoneHelp')} value={f.timeZone} onChange={set('timeZone')} required dir="ltr" error={fieldError('timeZone')} />
          <Checkbox.Group label={t('contacts.nominate.days')} value={days.map(String)} onChange={(v) => setDays(v.map(Number).sort())}>
            <Group mt="xs">
              {([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (
                <Checkbox key={d} value={String(d)} label={t(WEEKDAY_LABEL[d])} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow>
            <TextInput label={t('contacts.nominate.from')} type="time" value={f.from} onChange={set('from')} required dir="ltr" />
            <TextInput label={t('contacts.nominate.to')} type="time" value={f.to} onChange={set('to')} required dir="ltr" />
          </Group>
          <Checkbox label={t('contacts.nominate.invite')} checked={invite} onChange={(e) => setInvite(e.currentTarget.checked)} />
          <TextInput
            label={t('contacts.nominate.otp')}
            description={t('contacts.nominate.otpHelp')}
            value={f.otp}
            onChange={set('otp')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            error={fieldError('otp')}
          />
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
