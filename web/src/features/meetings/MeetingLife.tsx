import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { useLang } from '../../app/paths';
import { ConfirmDialog, DANGER_COLOR } from '../../ui/ConfirmDialog';
import { formatInZone } from '../../ui/dates';
import { DoneMessage, focusDone } from '../../ui/DoneMessage';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useVersionedSave, versionTag } from '../../ui/versioned-save';
import type { MeetingPage } from './queries';

type Action = 'announce' | 'postpone' | 'cancel';
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The Secretariat's moves in a meeting's life: announce a draft, postpone or cancel an announced
 * meeting with a reason told to the registered delegations. Each button shows when the API's `can`
 * says so; each asks first.
 */
export function MeetingLifeActions({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [times, setTimes] = useState({ startsAt: m.local.startsAt, endsAt: m.local.endsAt, registrationDeadline: m.local.registrationDeadline ?? '' });
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const setTime = (field: keyof typeof times, value: string) => setTimes((x) => ({ ...x, [field]: value.slice(0, 16) }));
  const close = () => (setOpen(null), setErrors({}));
  const doneText = (action: Action) => (action === 'announce' ? t('meetings.life.announceDone') : action === 'cancel' ? t('meetings.life.cancelDone') : t('meetings.life.postponeDone'));

  const act = useVersionedSave({
    etag: versionTag(m.version),
    send: async (ifMatch, action: Action) => {
      const params = { path: { id: m.id } };
      if (action === 'announce') return unwrap(api.POST('/api/v1/meetings/{id}/announce', { params, headers: ifMatch }));
      if (action === 'cancel') return unwrap(api.POST('/api/v1/meetings/{id}/cancel', { params, headers: ifMatch, body: { reason: reason.trim() } }));
      return unwrap(
        api.POST('/api/v1/meetings/{id}/postpone', {
          params,
          headers: ifMatch,
          body: { startsAt: times.startsAt, endsAt: times.endsAt, registrationDeadline: times.registrationDeadline || null, reason: reason.trim() },
        }),
      );
    },
    onSuccess: (_m, action) => {
      notifySuccess(doneText(action));
      // What was done, said beside the actions (the dialog's button, and the one that opened it, may have gone).
      focusDone('meeting-life');
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onStale: () => void queryClient.invalidateQueries({ queryKey: ['meetings'] }),
    onSettled: () => setOpen(null),
  });

  const confirm = (action: Action) => {
    const found: Record<string, string | null> = {};
    if (action !== 'announce' && !reason.trim()) found.reason = t('meetings.life.reasonRequired');
    if (action === 'postpone') {
      // A postponement moves the meeting later (the server refuses anything else): wall-clock times in the same zone compare as text.
      if (!LOCAL.test(times.startsAt)) found.startsAt = t('meetings.form.timeRequired');
      else if (times.startsAt <= m.local.startsAt) found.startsAt = t('meetings.life.startNotLater');
      if (!LOCAL.test(times.endsAt)) found.endsAt = t('meetings.form.timeRequired');
      else if (times.endsAt <= times.startsAt) found.endsAt = t('meetings.form.endBeforeStart');
      else if (times.endsAt <= m.local.endsAt) found.endsAt = t('meetings.life.endNotLater');
      if (times.registrationDeadline && times.registrationDeadline > times.startsAt) found.registrationDeadline = t('meetings.form.deadlineAfterStart');
    }
    setErrors(found);
    if (!Object.values(found).some(Boolean)) act.mutate(action);
  };

  const done = (
    <DoneMessage name="meeting-life" show={act.isSuccess && !!act.variables}>
      {act.variables ? doneText(act.variables) : null}
    </DoneMessage>
  );
  // A cancelled meeting has no more moves: only what was just done is said.
  if (!m.can.announce && !m.can.postpone && !m.can.cancel) return act.isSuccess ? done : null;
  const reasonField = (
    <Textarea
      label={t('meetings.life.reason')}
      description={t('meetings.life.reasonHelp')}
      required
      autosize
      minRows={2}
      maxLength={2000}
      value={reason}
      onChange={(e) => setReason(e.currentTarget.value)}
      error={errors.reason}
      data-autofocus={open === 'cancel' ? true : undefined}
    />
  );

  return (
    <div>
      <Text fw={600}>{t('meetings.life.title')}</Text>
      {act.stale ? (
        <Alert color="#8a3a00" variant="light" role="alert" mt="xs">
          {t('meetings.manage.stale')}
        </Alert>
      ) : (
        <ProblemAlert error={act.error} />
      )}
      {done}
      <Group gap="sm" mt="xs">
        {m.can.announce ? <Button onClick={() => setOpen('announce')}>{t('meetings.life.announce')}</Button> : null}
        {m.can.postpone ? (
          <Button variant="outline" onClick={() => setOpen('postpone')}>
            {t('meetings.life.postpone')}
          </Button>
        ) : null}
        {m.can.cancel ? (
          <Button variant="outline" color={DANGER_COLOR} onClick={() => setOpen('cancel')}>
            {t('meetings.life.cancel')}
          </Button>
        ) : null}
      </Group>

      <ConfirmDialog
        opened={open === 'announce'}
        onClose={close}
        title={t('meetings.life.announceTitle')}
        message={t('meetings.life.announceQuestion')}
        confirmLabel={t('meetings.life.announce')}
        loading={act.isPending}
        onConfirm={() => confirm('announce')}
      />
      <ConfirmDialog
        opened={open === 'postpone'}
        onClose={close}
        title={t('meetings.life.postponeTitle')}
        message={t('meetings.life.postponeQuestion', { zone: m.timeZone })}
        confirmLabel={t('meetings.life.postpone')}
        loading={act.isPending}
        onConfirm={() => confirm('postpone')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('meetings.form.startsAt')}
            required
            value={times.startsAt}
            onChange={(e) => setTime('startsAt', e.currentTarget.value)}
            error={errors.startsAt}
            data-autofocus
          />
          <TextInput type="datetime-local" label={t('meetings.form.endsAt')} required value={times.endsAt} onChange={(e) => setTime('endsAt', e.currentTarget.value)} error={errors.endsAt} />
        </SimpleGrid>
        <TextInput
          type="datetime-local"
          label={t('meetings.form.registrationDeadline')}
          description={t('meetings.optional')}
          value={times.registrationDeadline}
          onChange={(e) => setTime('registrationDeadline', e.currentTarget.value)}
          error={errors.registrationDeadline}
        />
        {reasonField}
      </ConfirmDialog>
      <ConfirmDialog
        opened={open === 'cancel'}
        onClose={close}
        title={t('meetings.life.cancelTitle')}
        message={t('meetings.life.cancelQuestion')}
        confirmLabel={t('meetings.life.cancel')}
        danger
        loading={act.isPending}
        onConfirm={() => confirm('cancel')}
      >
        {reasonField}
      </ConfirmDialog>
    </div>
  );
}

/** What everyone is told on a meeting's page: a draft not yet public, a cancellation or a postponement, with its reason. */
export function MeetingLifeBanner({ meeting: m }: { meeting: MeetingPage }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (m.status === 'draft') {
    return (
      <Alert color="gray" variant="light" title={t('meetings.life.draftTitle')} data-testid="meeting-draft">
        {t('meetings.life.draftText')}
      </Alert>
    );
  }
  if (m.cancelled) {
    return (
      <Alert color={DANGER_COLOR} variant="light" title={t('meetings.life.cancelledTitle')} data-testid="meeting-cancelled">
        <Text size="sm">{t('meetings.life.cancelledOn', { date: formatInZone(m.cancelled.at, m.timeZone, lang) })}</Text>
        <Text size="sm">{t('meetings.life.reasonIs', { reason: m.cancelled.reason })}</Text>
      </Alert>
    );
  }
  if (m.postponed) {
    return (
      <Alert color="#8a3a00" variant="light" title={t('meetings.life.postponedTitle')} data-testid="meeting-postponed">
        <Text size="sm">{t('meetings.life.postponedFrom', { date: formatInZone(m.postponed.from, m.timeZone, lang) })}</Text>
        <Text size="sm">{t('meetings.life.reasonIs', { reason: m.postponed.reason })}</Text>
      </Alert>
    );
  }
  return null;
}
