import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from '../app/i18n';

/** The red of actions that cannot be undone (withdraw, revoke, leave, object), 4.5:1 on white. */
export const DANGER_COLOR = '#a51d1d';

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The dialog's name, read out when it opens: a question ("Leave the working group?"). */
  title: string;
  /** What will happen, in a sentence; the dialog is described by it. */
  message?: ReactNode;
  /** The button that goes ahead, named by what it does ("Adopt the agenda", not "OK"). */
  confirmLabel: string;
  onConfirm: () => void;
  /** Red, for what cannot be undone. */
  danger?: boolean;
  loading?: boolean;
  /** Fields the confirmation needs (a reason, a tick box) and its error, between the message and the buttons. */
  children?: ReactNode;
}

/**
 * The one way the platform asks before an action: a dialog named by its title and described by its body, that traps the
 * focus, starts on Cancel (or on the first field marked `data-autofocus`), closes on Escape, and
 * gives the focus back to the button that opened it. Its content is a form, so Enter in a field
 * confirms; the confirm button carries `data-action="confirm"`.
 */
export function ConfirmDialog({ opened, onClose, title, message, confirmLabel, onConfirm, danger = false, loading = false, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (opened) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const from = opener.current;
    if (!from) return;
    opener.current = null;
    // Mantine gives the focus back to the opener; when the action removed it (a "Leave" that became
    // "Join"), the focus goes to the page's heading rather than being lost on the body.
    const timer = window.setTimeout(() => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (!lost) return;
      if (from.isConnected) from.focus();
      else document.querySelector<HTMLElement>('main h1')?.focus();
    }, 100);
    return () => window.clearTimeout(timer);
  }, [opened]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!loading) onConfirm();
        }}
      >
        <Stack>
          {message ? <Text>{message}</Text> : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? DANGER_COLOR : undefined} loading={loading} data-action="confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
