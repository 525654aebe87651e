import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { byAttribute, focusWhenShown } from './focus';

/**
 * What a submitted form just did, said on the page beside the form (a toast goes away, and the focus
 * cannot land on it). `name` tells the forms of one page apart; `focusDone(name)`, called when the
 * form's request succeeded, moves the focus to the message once it is shown.
 */
export function DoneMessage({ name, show, children, title }: { name: string; show: boolean; children?: ReactNode; title?: ReactNode }) {
  if (!show) return null;
  return (
    <Alert color="#1e6b30" variant="light" role="status" title={title} data-done={name}>
      {children}
    </Alert>
  );
}

/** Moves the focus to the `DoneMessage` of that name once it is shown. */
export const focusDone = (name: string): (() => void) => focusWhenShown(byAttribute('data-done', name));
