import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from '../../app/i18n';
import { api, ApiProblem, unwrap } from '../../api/client';
import { useLang } from '../../app/paths';
import { notifySuccess } from '../../ui/notify';
import { TimeZoneSelect, viewerZone } from '../../ui/time-zones';
import { StateName } from '../states';
import { InLanguage } from '../../ui/localized';
import { BreakSilence } from './BreakSilence';
import { Countdown, DecisionAlert, Deadline } from './parts';
import { useDraftLabels, type Draft } from './queries';
import { formatInZone } from '../../ui/dates';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { focusWhenShown } from '../../ui/focus';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Silence procedures on a draft: the chair opens one; a State's focal point may break silence. */
export function SilencePanel({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useDraftLabels();
  const procedures = [...draft.silenceProcedures].reverse();
  if (!draft.can.openSilenceProcedure && procedures.length === 0) return null;
  return (
    <section aria-labelledby="silence-title">
      <Title order={2} size="h3" id="silence-title" mb="sm">
        {t('silence.onDraft')}
      </Title>
      <Stack>
        {draft.can.openSilenceProcedure ? <OpenSilence draft={draft} /> : null}
        {procedures.map((p) => (
          <Paper withBorder p="md" key={p.id} id={`silence-${p.id}`} data-procedure={p.id} data-status={p.status}>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('silence.procedureOn', { revision: labels.revision(p.revision) })}
              </Title>
              <Text fw={600}>{labels.silenceStatus(p.status)}</Text>
              <Text component="div">
                <Deadline at={p.deadlineAt} zone={p.deadlineZone} />
              </Text>
              {p.status === 'open' ? <Countdown at={p.deadlineAt} zone={p.deadlineZone} /> : null}
              {p.closedAt ? <Text size="sm">{t('silence.closedAt', { time: formatInZone(p.closedAt, p.deadlineZone, lang) })}</Text> : null}
              {p.breaks.map((b) => (
                <Text key={b.state} data-break-by={b.state}>
                  {t('silence.brokenBy')} <StateName iso3={b.state} /> — <InLanguage lang="en" mark={false}>{b.reason}</InLanguage>
                </Text>
              ))}
              {p.can.breakSilence && draft.actingFor ? <BreakSilence procedureId={p.id} title={draft.title} actingFor={draft.actingFor} /> : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function OpenSilence({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useDraftLabels();
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('12:00');
  const [zone, setZone] = useState('America/New_York');
  const [errors, setErrors] = useState<{ date?: string | null; time?: string | null }>({});
  const [confirming, setConfirming] = useState(false);
  const local = date && time ? `${date}T${time}` : '';
  const preview = local ? dayjs.tz(local, zone) : null;
  const open = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/drafts/{id}/silence-procedures', { params: { path: { id: draft.id } }, body: { deadlineLocal: local, zone } })),
    onSuccess: (opened) => {
      setConfirming(false);
      notifySuccess(t('silence.opened'));
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
      // The new procedure, once the draft is read again with it.
      focusWhenShown(`#silence-${CSS.escape(opened.id)}`, { timeoutMs: 10_000 });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { date: date ? null : t('forms.required'), time: /^\d{2}:\d{2}$/.test(time) ? null : t('forms.required') };
    setErrors(found);
    if (found.date || found.time) return;
    // Opening cannot be taken back once focal points are told: ask first, as breaking silence does.
    open.reset();
    setConfirming(true);
  };
  const serverError = (field: string) => (open.error instanceof ApiProblem ? open.error.fieldError(field)?.message : undefined);
  return (
    <>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="open-silence-title">
        <Stack gap="sm">
          <Text fw={600} id="open-silence-title">
            {t('silence.openIntro', { revision: labels.revision(draft.latest.number) })}
          </Text>
          <Group align="flex-start" grow>
            <TextInput type="date" label={t('silence.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date ?? serverError('deadlineLocal')} required />
            <TextInput type="time" label={t('silence.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={errors.time} required />
            <TimeZoneSelect label={t('silence.zone')} value={zone} onChange={setZone} error={serverError('zone')} />
          </Group>
          {preview && preview.isValid() ? (
            <Text size="sm" role="status">
              {t('silence.preview', { time: formatInZone(preview.toDate(), zone, lang, { named: false }), zone, mine: formatInZone(preview.toDate(), viewerZone(), lang, { named: false }), myZone: viewerZone() })}
            </Text>
          ) : null}
          {confirming ? null : <DecisionAlert error={open.error} />}
          <Group>
            <Button type="submit" loading={open.isPending}>
              {t('silence.open')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('silence.confirmOpenTitle', { revision: labels.revision(draft.latest.number) })}
        message={
          preview && preview.isValid()
            ? t('silence.confirmOpenMessage', { time: formatInZone(preview.toDate(), zone, lang, { named: false }), zone, revision: labels.revision(draft.latest.number) })
            : undefined
        }
        confirmLabel={t('silence.open')}
        onConfirm={() => open.mutate()}
        loading={open.isPending}
      >
        <DecisionAlert error={open.error} />
      </ConfirmDialog>
    </>
  );
}
