import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ConfirmDialog } from '../../src/ui/ConfirmDialog';
import { renderPage } from './app';

function Leaving({ onConfirm }: { onConfirm: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <main>
      <h1 tabIndex={-1}>A working group</h1>
      <button type="button" onClick={() => setOpened(true)}>
        Leave the group
      </button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title="Leave the working group?"
        message="Your State will no longer be a member."
        confirmLabel="Leave the group"
        onConfirm={() => {
          onConfirm();
          setOpened(false);
        }}
        danger
      />
    </main>
  );
}

describe('a confirmation dialog', () => {
  it('starts on Cancel, closes on Escape without confirming, and gives the focus back to its opener', async () => {
    let confirmed = 0;
    const { user } = renderPage('/en/leave', [{ path: 'leave', element: <Leaving onConfirm={() => confirmed++} /> }]);
    const opener = await screen.findByRole('button', { name: 'Leave the group' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Leave the working group?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(confirmed).toBe(0);

    // Enter on the opener opens it again; the confirm button, named by what it does, goes ahead.
    await user.keyboard('{Enter}');
    const again = await screen.findByRole('dialog', { name: 'Leave the working group?' });
    await user.click(again.querySelector<HTMLElement>('[data-action="confirm"]')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(confirmed).toBe(1);
  });
});
