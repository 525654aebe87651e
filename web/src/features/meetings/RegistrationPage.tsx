import { useEffect, useState, type FormEvent } from 'react';
import { focusWhenShown } from '../../ui/focus';
import { problemTitle } from '../../ui/problems';
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog, DANGER_COLOR } from '../../ui/ConfirmDialog';
import { notifySuccess } from '../../ui/notify';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { looksLikeEmail } from '../accounts';
import ui from '../../ui/ui.module.css';
import { MeetingDates, ParticipantsTable, titleText } from './parts';
import { meetingQuery, useMeetingLabels, type MeetingPage, type OwnDelegation as Delegation, type ParticipantRole, type Registration } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { Loaded } from '../../ui/Loaded';
import { formatInZone } from '../../ui/dates';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';

const registrationKey = (meetingId: string, d: Delegation) => ['meetings', 'registration', meetingId, d.kind === 'state' ? d.state : d.organisationId] as const;

async function readRegistration(meetingId: string, d: Delegation): Promise<Registration | null> {
  try {
    if (d.kind === 'state') return await unwrap(api.GET('/api/v1/meetings/{id}/registrations/states/{iso3}', { params: { path: { id: meetingId, iso3: d.state } } }));
    return await unwrap(api.GET('/api/v1/meetings/{id}/registrations/organisations/{organisationId}', { params: { path: { id: meetingId, organisationId: d.organisationId } } }));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export default function RegistrationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useQuery(meetingQuery(id));

  if (!meeting.isSuccess) return <Loaded query={meeting} />;
  // The delegation the caller acts for, as the server says: the page does not re-decide it from the account's roles.
  const delegation = meeting.data.meeting.delegation;
  return (
    <Stack gap="md">
      <Heading meeting={meeting.data.meeting} />
      {delegation ? (
        <RegistrationLoader meeting={meeting.data.meeting} delegation={delegation} />
      ) : (
        <Alert color="un" variant="light" title={t('meetings.registration.noDelegationTitle')}>
          {t('meetings.registration.noDelegation')}
        </Alert>
      )}
    </Stack>
  );
}

function Heading({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  return (
    <div>
      <Text size="sm">
        <Anchor component={Link} to={to(`/meetings/${m.id}`)}>
          {titleText(m.title, lang)}
        </Anchor>
      </Text>
      <PageHeading>{t('meetings.registration.title')}</PageHeading>
      <Text size="sm">
        <MeetingDates meeting={m} />
      </Text>
      {m.registrationDeadline ? (
        <Text size="sm">
          {t('meetings.registration.deadline', { date: formatInZone(m.registrationDeadline, m.timeZone, lang) })}
        </Text>
      ) : null}
    </div>
  );
}

function RegistrationLoader({ meeting, delegation }: { meeting: MeetingPage; delegation: Delegation }) {
  const registration = useQuery({ queryKey: registrationKey(meeting.id, delegation), queryFn: () => readRegistration(meeting.id, delegation) });
  if (!registration.isSuccess) return <Loaded query={registration} />;
  return <RegistrationForm key={registration.data?.version ?? 0} meeting={meeting} delegation={delegation} existing={registration.data} />;
}

interface Row {
  id?: string;
  role: ParticipantRole;
  name: string;
  title: string;
  email: string;
  phone: string;
  self: boolean;
}

const rowsOf = (r: Registration | null): Row[] =>
  r && r.status !== 'withdrawn'
    ? r.participants.map((p) => ({ id: p.id, role: p.role, name: p.name, title: p.title ?? '', email: p.email ?? '', phone: p.phone ?? '', self: p.isMe }))
    : [{ role: 'head', name: '', title: '', email: '', phone: '', self: false }];

const PHONE = /^[+0-9 ()./-]{4,40}$/;

function RegistrationForm({ meeting: m, delegation, existing }: { meeting: MeetingPage; delegation: Delegation; existing: Registration | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useMeetingLabels();
  const queryClient = useQueryClient();
  const [contactEmail, setContactEmail] = useState(existing?.contactEmail ?? '');
  const [rows, setRows] = useState<Row[]>(rowsOf(existing));
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [withdrawing, setWithdrawing] = useState(false);
  const [reconfirming, setReconfirming] = useState(false);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  // A participant just added: the focus goes to its first field, so keyboard users fill it in at once.
  useEffect(() => {
    if (focusRow === null) return;
    document.querySelector<HTMLSelectElement>(`[data-participant="${focusRow}"] select`)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const roles = delegation.roles;
  const state = useQuery({
    queryKey: ['states', 'one', delegation.kind === 'state' ? delegation.state : ''],
    queryFn: () => unwrap(api.GET('/api/v1/states/{iso3}', { params: { path: { iso3: delegation.kind === 'state' ? delegation.state : '' } } })),
    enabled: delegation.kind === 'state',
    staleTime: 5 * 60_000,
  });
  // As the list of participants will name it (in English), and in the page's language for the heading.
  const delegationName = existing?.delegationName ?? delegation.name;
  const delegationLabel = delegation.kind === 'state' ? (state.data?.names[lang] ?? delegationName) : delegationName;
  const key = registrationKey(m.id, delegation);

  const save = useVersionedSave({
    etag: existing ? versionTag(existing.version) : null,
    send: (ifMatch) => {
      const body = {
        contactEmail: contactEmail.trim(),
        participants: rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          role: r.role,
          name: r.name.trim(),
          ...(r.title.trim() ? { title: r.title.trim() } : {}),
          ...(r.email.trim() ? { email: r.email.trim() } : {}),
          ...(r.phone.trim() ? { phone: r.phone.trim() } : {}),
          ...(r.self ? { self: true } : {}),
        })),
      };
      if (delegation.kind === 'state') return unwrap(api.PUT('/api/v1/meetings/{id}/registrations/states/{iso3}', { params: { path: { id: m.id, iso3: delegation.state } }, headers: ifMatch, body }));
      return unwrap(api.PUT('/api/v1/meetings/{id}/registrations/organisations/{organisationId}', { params: { path: { id: m.id, organisationId: delegation.organisationId } }, headers: ifMatch, body }));
    },
    savedEtag: (r) => versionTag(r.version),
    onSuccess: (r) => {
      notifySuccess(t('meetings.registration.saved'));
      // The registration as now recorded (the form is rebuilt on the new version): its status says what happens next.
      focusWhenShown(`[data-testid="registration-status"][data-version="${r.version}"]`);
      queryClient.setQueryData(key, r);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'one', m.id] });
    },
    onStale: async () => {
      // Someone of the delegation changed it meanwhile: show their version; keep this form to re-apply on it.
      const fresh = await readRegistration(m.id, delegation);
      return { value: fresh, etag: fresh ? versionTag(fresh.version) : null };
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      const found: Record<string, string | null> = {};
      for (const e of error.errors) {
        const field = e.field.replace(/^body\./, '');
        found[field] = t('forms.fieldRejected');
      }
      if (error.errors.some((e) => e.field === 'body.participants')) found.participants = t('meetings.registration.listRejected');
      setErrors(found);
    },
  });

  const withdraw = useVersionedSave({
    etag: save.etag,
    send: (headers) => {
      if (delegation.kind === 'state') return unwrap(api.DELETE('/api/v1/meetings/{id}/registrations/states/{iso3}', { params: { path: { id: m.id, iso3: delegation.state } }, headers }));
      return unwrap(api.DELETE('/api/v1/meetings/{id}/registrations/organisations/{organisationId}', { params: { path: { id: m.id, organisationId: delegation.organisationId } }, headers }));
    },
    onSuccess: (r) => {
      notifySuccess(t('meetings.registration.withdrawn'));
      queryClient.setQueryData(key, r);
    },
    onSettled: () => setWithdrawing(false),
  });

  const update = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : change.self ? { ...r, self: false } : r)));
  const remove = (i: number) => setRows((rs) => rs.filter((_, j) => j !== i));
  const addRow = () => setRows((rs) => [...rs, { role: rs.some((r) => r.role === 'head') ? 'representative' : 'head', name: '', title: '', email: '', phone: '', self: false }]);
  const add = () => {
    setFocusRow(rows.length);
    addRow();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | null> = {};
    found.contactEmail = !contactEmail.trim() ? t('forms.required') : looksLikeEmail(contactEmail) ? null : t('forms.emailInvalid');
    rows.forEach((r, i) => {
      found[`participants.${i}.name`] = r.name.trim() ? null : t('forms.required');
      found[`participants.${i}.email`] = r.email.trim() && !looksLikeEmail(r.email) ? t('forms.emailInvalid') : null;
      found[`participants.${i}.phone`] = r.phone.trim() && !PHONE.test(r.phone.trim()) ? t('meetings.registration.phoneInvalid') : null;
    });
    const heads = rows.filter((r) => r.role === 'head').length;
    found.participants =
      rows.length === 0 ? t('meetings.registration.atLeastOne') : delegation.kind === 'state' && heads !== 1 ? t('meetings.registration.oneHead') : heads > 1 ? t('meetings.registration.atMostOneHead') : null;
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    // A change to a confirmed registration sends it back to the Secretariat: say so before it happens.
    if (current?.status === 'confirmed') setReconfirming(true);
    else save.mutate();
  };

  const current = save.data ?? withdraw.data ?? existing;
  const canChange = m.can.register;
  const problem = save.stale || (save.error instanceof ApiProblem && save.error.status === 400) ? null : save.error;
  const { theirs } = save;

  return (
    <Stack gap="md">
      <Text fw={600}>{t('meetings.registration.for', { delegation: delegationLabel })}</Text>
      {current ? (
        <Alert color={current.status === 'confirmed' ? '#1e6b30' : current.status === 'withdrawn' ? '#495057' : 'un'} variant="light" role="status" title={t('meetings.registration.statusTitle')} data-testid="registration-status" data-version={current.version}>
          <Text size="sm" fw={600} data-status={current.status}>
            {labels.registrationStatus(current.status)}
          </Text>
          <Text size="sm">
            {current.status === 'confirmed' && current.confirmedAt
              ? t('meetings.registration.confirmedOn', { date: formatInZone(current.confirmedAt, m.timeZone, lang) })
              : current.status === 'submitted'
                ? t('meetings.registration.awaiting', { date: formatInZone(current.submittedAt, m.timeZone, lang) })
                : t('meetings.registration.withdrawnNote')}
          </Text>
        </Alert>
      ) : null}

      {!canChange ? (
        <Alert color="#8a3a00" variant="light" title={t('meetings.registration.closedTitle')}>
          {t('meetings.registration.closed')}
        </Alert>
      ) : null}

      {theirs ? (
        <Alert color="#8a3a00" variant="light" role="alert" title={t('meetings.registration.staleTitle')} data-testid="stale">
          <Text size="sm" mb="xs">
            {t('meetings.registration.stale')}
          </Text>
          <ParticipantsTable caption={t('meetings.registration.theirList')} delegations={[{ id: theirs.id, name: theirs.delegationName, participants: theirs.participants }]} />
          <Button mt="xs" size="compact-sm" variant="outline" onClick={() => (setRows(rowsOf(theirs)), setContactEmail(theirs.contactEmail), save.dropTheirs())}>
            {t('meetings.registration.takeTheirs')}
          </Button>
        </Alert>
      ) : null}

      {canChange ? (
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-labelledby="registration-form-title">
          <Title order={2} size="h3" id="registration-form-title" mb="sm">
            {current && current.status !== 'withdrawn' ? t('meetings.registration.change') : t('meetings.registration.new')}
          </Title>
          <Stack gap="md">
            <ProblemAlert error={problem} />
            {save.error instanceof ApiProblem && save.error.status === 400 ? (
              <Alert color="red" variant="light" role="alert" title={problemTitle(save.error)}>
                {t('meetings.registration.fixFields')}
              </Alert>
            ) : null}
            <TextInput
              label={t('meetings.registration.contactEmail')}
              description={t('meetings.registration.contactEmailHelp')}
              type="email"
              required
              value={contactEmail}
              onChange={(e) => setContactEmail(e.currentTarget.value)}
              error={errors.contactEmail}
              autoComplete="email"
              dir="ltr"
            />
            {errors.participants ? (
              <Text c={DANGER_COLOR} size="sm" role="alert">
                {errors.participants}
              </Text>
            ) : null}
            {rows.map((r, i) => (
              <fieldset key={i} className={classes.item} data-participant={i}>
                <legend>{t('meetings.registration.participantN', { n: i + 1 })}</legend>
                <div className={classes.participantRow}>
                  <NativeSelect
                    label={t('meetings.registration.role')}
                    value={r.role}
                    onChange={(e) => update(i, { role: e.currentTarget.value as ParticipantRole })}
                    data={roles.map((role) => ({ value: role, label: labels.role(role) }))}
                    error={errors[`participants.${i}.role`]}
                  />
                  <TextInput label={t('meetings.registration.name')} required value={r.name} onChange={(e) => update(i, { name: e.currentTarget.value })} error={errors[`participants.${i}.name`]} autoComplete="off" />
                  <TextInput label={t('meetings.registration.personTitle')} description={t('meetings.registration.personTitleHelp')} value={r.title} onChange={(e) => update(i, { title: e.currentTarget.value })} error={errors[`participants.${i}.title`]} autoComplete="off" />
                </div>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  <TextInput label={t('meetings.registration.email')} description={t('meetings.registration.private')} type="email" value={r.email} onChange={(e) => update(i, { email: e.currentTarget.value })} error={errors[`participants.${i}.email`]} autoComplete="off" dir="ltr" />
                  <TextInput label={t('meetings.registration.phone')} description={t('meetings.registration.private')} type="tel" value={r.phone} onChange={(e) => update(i, { phone: e.currentTarget.value })} error={errors[`participants.${i}.phone`]} autoComplete="off" dir="ltr" />
                </SimpleGrid>
                <Group justify="space-between" mt="xs">
                  <Checkbox label={t('meetings.registration.self')} checked={r.self} onChange={(e) => update(i, { self: e.currentTarget.checked })} />
                  {rows.length > 1 ? (
                    <Button variant="subtle" color={DANGER_COLOR} size="compact-sm" onClick={() => remove(i)} aria-label={t('meetings.registration.removeN', { n: i + 1, name: r.name || '—' })}>
                      {t('meetings.registration.remove')}
                    </Button>
                  ) : null}
                </Group>
              </fieldset>
            ))}
            <div>
              <Button variant="outline" onClick={add} disabled={rows.length >= 60}>
                {t('meetings.registration.add')}
              </Button>
            </div>

            <Preview rows={rows} delegationName={delegationName} contactEmail={contactEmail} />

            <Group>
              <Button type="submit" loading={save.isPending}>
                {current && current.status !== 'withdrawn' ? t('meetings.registration.saveChanges') : t('meetings.registration.submit')}
              </Button>
              {current && current.status !== 'withdrawn' ? (
                <Button variant="outline" color={DANGER_COLOR} onClick={() => setWithdrawing(true)}>
                  {t('meetings.registration.withdraw')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ) : current ? (
        <Preview rows={rowsOf(current)} delegationName={delegationName} contactEmail={current.contactEmail} />
      ) : null}

      <ProblemAlert error={withdraw.error} />
      <ConfirmDialog
        opened={reconfirming}
        onClose={() => setReconfirming(false)}
        title={t('meetings.registration.reconfirmTitle')}
        message={t('meetings.registration.reconfirmMessage')}
        confirmLabel={t('meetings.registration.saveChanges')}
        loading={save.isPending}
        onConfirm={() => {
          setReconfirming(false);
          save.mutate();
        }}
      />
      <ConfirmDialog
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('meetings.registration.withdraw')}
        message={t('meetings.registration.withdrawQuestion')}
        confirmLabel={t('meetings.registration.withdraw')}
        danger
        loading={withdraw.isPending}
        onConfirm={() => withdraw.mutate()}
      />
    </Stack>
  );
}

/** What will become public (name, title, role, delegation) and what stays private, before it is sent. */
function Preview({ rows, delegationName, contactEmail }: { rows: Row[]; delegationName: string; contactEmail: string }) {
  const { t } = useTranslation();
  const named = rows.filter((r) => r.name.trim());
  const reached = named.filter((r) => r.email.trim() || r.phone.trim());
  return (
    <section aria-labelledby="registration-preview" className={classes.feed} data-testid="preview">
      <Title order={3} size="h4" id="registration-preview" mb="xs">
        {t('meetings.registration.previewTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('meetings.registration.previewPublic')}
      </Text>
      <div className={listing.scroll}>
        <ParticipantsTable
          caption={t('meetings.registration.publicCaption')}
          delegations={named.length ? [{ id: 'preview', name: delegationName, participants: named.map((r) => ({ role: r.role, name: r.name.trim(), title: r.title.trim() })) }] : []}
          empty={t('meetings.registration.nobodyYet')}
          testId="preview-public"
        />
      </div>
      <Text size="sm" mt="sm" fw={600} id="registration-private">
        {t('meetings.registration.previewPrivate')}
      </Text>
      <dl className={ui.facts} data-testid="preview-private" aria-labelledby="registration-private">
        <dt>{t('meetings.registration.contactEmail')}</dt>
        <dd className={ui.code}>{contactEmail.trim() || '—'}</dd>
        {reached.map((r, i) => (
          <div key={i} className={classes.contents}>
            <dt>{r.name.trim()}</dt>
            {r.email.trim() ? <dd className={ui.code}>{r.email.trim()}</dd> : null}
            {r.phone.trim() ? <dd className={ui.code}>{r.phone.trim()}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
