import { useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useLang, useLocalPath } from '../../app/paths';
import { ConfirmDialog, DANGER_COLOR } from '../../ui/ConfirmDialog';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import ui from '../../ui/ui.module.css';
import { MeetingLifeActions } from './MeetingLife';
import { ParticipantEntry } from './parts';
import { registrationsQuery, useMeetingLabels, type MeetingPage, type MeetingStatus, type Registration } from './queries';
import classes from './meetings.module.css';
import listing from '../../ui/listing.module.css';
import { formatInZone } from '../../ui/dates';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';

type Pending = { kind: 'status'; status: MeetingStatus } | { kind: 'publish'; what: 'participants' | 'statements'; value: boolean } | null;

/** The Secretariat's controls on a meeting page: run the meeting, publish, confirm registrations (shown when the API's `can` says so). */
export function ManagePanel({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useMeetingLabels();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['meetings'] });

  const act = useVersionedSave({
    // The meeting as shown: a choice is made on what is there.
    etag: versionTag(m.version),
    send: async (ifMatch, p: NonNullable<Pending>) => {
      if (p.kind === 'status') return unwrap(api.POST('/api/v1/meetings/{id}/status', { params: { path: { id: m.id } }, headers: ifMatch, body: { status: p.status } }));
      return unwrap(api.PUT('/api/v1/meetings/{id}/publication', { params: { path: { id: m.id } }, headers: ifMatch, body: { [p.what]: p.value } }));
    },
    onSuccess: (_r, p) => {
      notifySuccess(t('meetings.manage.saved'));
      // The meeting's new status, or what is now published, once the panel shows it (the button that asked may have gone).
      focusWhenShown(p.kind === 'status' ? byAttribute('data-meeting-status', p.status) : byAttribute(`data-${p.what}-published`, String(p.value)), { timeoutMs: 10_000 });
      void refresh();
    },
    // Someone else changed the meeting: show theirs, so the choice is made on what is there now.
    onStale: () => void refresh(),
    onSettled: () => setPending(null),
  });

  // Where the meeting may go from here, for this caller: the server's rules say, not a copy of them.
  const next = m.can.moveTo;
  const question = (p: NonNullable<Pending>) => {
    if (p.kind === 'status') return p.status === 'closed' ? t('meetings.manage.confirmClose') : t('meetings.manage.confirmStatus', { status: labels.status(p.status) });
    if (p.what === 'participants') return p.value ? t('meetings.manage.confirmPublishParticipants') : t('meetings.manage.confirmWithdrawParticipants');
    return p.value ? t('meetings.manage.confirmPublishStatements') : t('meetings.manage.confirmWithdrawStatements');
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="manage-meeting">
      <Title order={2} size="h3" id="manage-meeting" mb="sm">
        {t('meetings.manage.title')}
      </Title>
      <Stack gap="md">
        {act.stale ? (
          <Alert color="#8a3a00" variant="light" role="alert" title={t('meetings.manage.staleTitle')}>
            {t('meetings.manage.stale')}
          </Alert>
        ) : (
          <ProblemAlert error={act.error} />
        )}
        <Group gap="sm">
          {/* A cancelled meeting keeps the dates it was announced with: nothing to edit. */}
          {m.can.editTimes ? (
            <Button component={Link} to={to(`/meetings/${m.id}/edit`)} variant="outline">
              {t('meetings.manage.edit')}
            </Button>
          ) : null}
          <Button component={Link} to={to(`/meetings/${m.id}/agenda`)} variant="outline">
            {t('meetings.manage.agenda')}
          </Button>
        </Group>

        <div>
          <Text fw={600} data-meeting-status={m.status}>
            {t('meetings.manage.statusNow', { status: labels.status(m.status) })}
          </Text>
          {next.length === 0 ? (
            <Text size="sm">{t('meetings.manage.noNextStatus')}</Text>
          ) : (
            <Group gap="sm" mt="xs">
              {next.map((s) => (
                <Button key={s} variant={s === 'closed' ? 'outline' : 'filled'} color={s === 'closed' ? DANGER_COLOR : undefined} onClick={() => setPending({ kind: 'status', status: s })}>
                  {labels.moveTo(s)}
                </Button>
              ))}
            </Group>
          )}
        </div>

        <MeetingLifeActions meeting={m} />

        {m.can.publish ? (
          <div>
            <Text fw={600}>{t('meetings.manage.publication')}</Text>
            <Text size="sm" data-participants-published={String(m.participantsPublished)} data-statements-published={String(m.statementsPublished)}>
              {m.participantsPublished ? t('meetings.manage.participantsPublished') : t('meetings.manage.participantsNotPublished')}{' '}
              {m.statementsPublished ? t('meetings.manage.statementsPublished') : t('meetings.manage.statementsNotPublished')}
            </Text>
            <Group gap="sm" mt="xs">
              <Button variant="outline" onClick={() => setPending({ kind: 'publish', what: 'participants', value: !m.participantsPublished })}>
                {m.participantsPublished ? t('meetings.manage.withdrawParticipants') : t('meetings.manage.publishParticipants')}
              </Button>
              <Button variant="outline" onClick={() => setPending({ kind: 'publish', what: 'statements', value: !m.statementsPublished })}>
                {m.statementsPublished ? t('meetings.manage.withdrawStatements') : t('meetings.manage.publishStatements')}
              </Button>
            </Group>
          </div>
        ) : null}

        <Registrations meeting={m} />
      </Stack>

      <ConfirmDialog
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('meetings.manage.confirmTitle')}
        message={pending ? question(pending) : null}
        confirmLabel={t('meetings.confirm')}
        danger={pending?.kind === 'status' && pending.status === 'closed'}
        loading={act.isPending}
        onConfirm={() => pending && act.mutate(pending)}
      />
    </Paper>
  );
}

function Registrations({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useMeetingLabels();
  const queryClient = useQueryClient();
  const registrations = useQuery(registrationsQuery(m.id));
  const [toConfirm, setToConfirm] = useState<Registration | null>(null);
  const confirm = useVersionedSave({
    // The registration as listed, the one being confirmed.
    etag: toConfirm ? versionTag(toConfirm.version) : null,
    send: (ifMatch, r: Registration) => unwrap(api.POST('/api/v1/meetings/{id}/registrations/{registrationId}/confirm', { params: { path: { id: m.id, registrationId: r.id } }, headers: ifMatch })),
    onSuccess: (r) => {
      notifySuccess(t('meetings.manage.confirmed', { delegation: r.delegationName }));
      // The registration's row once it shows it confirmed: its button has gone.
      focusWhenShown(`[data-testid="registrations"] ${byAttribute('data-registration-id', r.id)}[data-status="confirmed"]`, { timeoutMs: 10_000 });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onStale: () => void queryClient.invalidateQueries({ queryKey: registrationsQuery(m.id).queryKey }),
    onSettled: () => setToConfirm(null),
  });

  return (
    <section aria-labelledby="manage-registrations">
      <Title order={3} size="h4" id="manage-registrations" mb="xs">
        {t('meetings.manage.registrations')}
      </Title>
      {confirm.stale ? (
        <Alert color="#8a3a00" variant="light" role="alert" mb="sm">
          {t('meetings.manage.registrationChanged')}
        </Alert>
      ) : (
        <ProblemAlert error={confirm.error} />
      )}
      {registrations.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : registrations.isError ? (
        <ProblemAlert error={registrations.error} />
      ) : registrations.data.items.length === 0 ? (
        <Text size="sm">{t('meetings.manage.noRegistrations')}</Text>
      ) : (
        <div className={listing.scroll}>
          <Table withTableBorder verticalSpacing="xs" data-testid="registrations">
            <Table.Caption className={classes.caption}>{t('meetings.manage.registrationsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.registration.delegation')}</Table.Th>
                <Table.Th scope="col">{t('meetings.registration.status')}</Table.Th>
                <Table.Th scope="col">{t('meetings.registration.participants')}</Table.Th>
                <Table.Th scope="col">{t('meetings.registration.contactEmail')}</Table.Th>
                <Table.Th scope="col">{t('meetings.registration.submittedAt')}</Table.Th>
                <Table.Th scope="col">{t('meetings.manage.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {registrations.data.items.map((r) => (
                <Table.Tr key={r.id} data-registration={r.delegation.kind === 'state' ? r.delegation.state : r.delegation.organisationId} data-registration-id={r.id} data-status={r.status}>
                  <Table.Th scope="row">{r.delegationName}</Table.Th>
                  <Table.Td>{labels.registrationStatus(r.status)}</Table.Td>
                  <Table.Td>
                    <ul className={classes.list}>
                      {r.participants.map((p) => (
                        <li key={p.id}>
                          <ParticipantEntry name={p.name} title={p.title} role={labels.role(p.role)} />
                        </li>
                      ))}
                    </ul>
                  </Table.Td>
                  <Table.Td className={ui.code}>{r.contactEmail}</Table.Td>
                  <Table.Td>{formatInZone(r.submittedAt, m.timeZone, lang)}</Table.Td>
                  <Table.Td>
                    {r.can.confirm ? (
                      <Button size="compact-sm" onClick={() => setToConfirm(r)} aria-label={t('meetings.manage.confirmRegistrationOf', { delegation: r.delegationName })}>
                        {t('meetings.manage.confirmRegistration')}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ConfirmDialog
        opened={toConfirm !== null}
        onClose={() => setToConfirm(null)}
        title={t('meetings.manage.confirmRegistration')}
        message={toConfirm ? t('meetings.manage.confirmRegistrationQuestion', { delegation: toConfirm.delegationName, count: toConfirm.participants.length }) : null}
        confirmLabel={t('meetings.confirm')}
        loading={confirm.isPending}
        onConfirm={() => toConfirm && confirm.mutate(toConfirm)}
      />
    </section>
  );
}
