import { useState } from 'react';
import { Alert, Button, Checkbox, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { api, unwrap } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { byAttribute, focusWhenShown } from '../../ui/focus';
import { notifySuccess } from '../../ui/notify';
import { DecisionAlert, useStateNameOf } from './parts';

/**
 * "Break silence", for the caller's own State: one click opens a dialog that asks for the reason and a
 * confirmation before anything is sent. The server's refusal (e.g. after the deadline) is shown as it is.
 */
export function BreakSilence({ procedureId, title, actingFor, onBroken }: { procedureId: string; title: string; actingFor: string; onBroken?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useStateNameOf(actingFor);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string | null; confirmed?: string | null }>({});
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/silence-procedures/{id}/breaks', { params: { path: { id: procedureId } }, body: { reason: reason.trim() } })),
    onSuccess: () => {
      setOpen(false);
      notifySuccess(t('silence.broken', { state }));
      onBroken?.();
      // The break as the procedure now records it (a draft's page), or the page's message where the
      // procedure, no longer open, has left the list: this button has gone either way.
      focusWhenShown(
        () =>
          document.querySelector<HTMLElement>(`${byAttribute('data-procedure', procedureId)} ${byAttribute('data-break-by', actingFor)}`) ??
          (document.querySelector(byAttribute('data-procedure', procedureId)) ? null : document.querySelector<HTMLElement>(byAttribute('data-done', 'silence-broken'))),
        { timeoutMs: 10_000 },
      );
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  const close = () => {
    setOpen(false);
    send.reset();
  };
  return (
    <>
      <Button color="red.9" onClick={() => setOpen(true)} data-break={procedureId}>
        {t('silence.breakFor', { state })}
      </Button>
      {send.error && !open ? <DecisionAlert error={send.error} /> : null}
      <ConfirmDialog
        opened={open}
        onClose={close}
        title={t('silence.confirmTitle', { state })}
        confirmLabel={t('silence.send', { state })}
        danger
        loading={send.isPending}
        onConfirm={() => {
          const found = {
            reason: reason.trim().length < 3 ? t('drafts.amend.reasonRequired') : null,
            confirmed: confirmed ? null : t('silence.confirmRequired'),
          };
          setErrors(found);
          if (found.reason || found.confirmed) return;
          send.mutate();
        }}
      >
        <Text size="sm" dir="auto" fw={600}>
          {title}
        </Text>
        <Alert color="red.9" variant="light">
          {t('silence.warning')}
        </Alert>
        <Textarea label={t('silence.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required autosize minRows={3} data-autofocus />
        <Checkbox label={t('silence.confirm', { state })} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} error={errors.confirmed} />
        <DecisionAlert error={send.error} />
      </ConfirmDialog>
    </>
  );
}
