import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { RequireAccount } from '../../src/app/RequireAccount';
import AccountPage from '../../src/features/accounts/AccountPage';
import RequestResetPage from '../../src/features/accounts/RequestResetPage';
import SetNewPasswordPage from '../../src/features/accounts/SetNewPasswordPage';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';

/**
 * #17 item 5, for the account's own forms: once a form has done its work (and often given way to
 * what it did), the focus is on the message or the new content, not lost on the page's body.
 */

const TOKEN = 'B'.repeat(43);
const CODES = ['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF'];

/** The account's sessions as the API lists them. */
let sessions: { id: string; current: boolean; userAgent: string | null; createdAt: string; lastSeenAt: string }[] = [];
const session = (id: string, current: boolean) => ({ id, current, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0', createdAt: '2027-01-10T10:00:00.000Z', lastSeenAt: '2027-01-11T10:00:00.000Z' });

function accountPage(more: (api: FakeApi) => void) {
  return renderPage('/en/account', [{ element: <RequireAccount />, children: [{ path: 'account', element: <AccountPage /> }] }], (api) => {
    api.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' })).on('GET', '/api/v1/me/sessions', () => json({ items: sessions }));
    more(api);
  });
}

describe('the focus after the account forms', () => {
  it('a reset asked for: the message that says to check the mailbox', async () => {
    const { user } = renderPage('/en/reset-password', [{ path: 'reset-password', element: <RequestResetPage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/password-resets', () => json({}, { status: 202 })),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Email address/ }, { timeout: 15_000 }), 'someone@poa.test');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="reset-requested"]')));
    expect(document.activeElement?.textContent).toContain('Check your email');
  });

  it('a new password saved: the message that says so', async () => {
    const { user } = renderPage(`/en/reset-password/${TOKEN}`, [{ path: 'reset-password/:token', element: <SetNewPasswordPage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/password-resets/:token', () => json({}, { status: 204 })),
    );
    await user.type(await screen.findByLabelText(/^New password/, { selector: 'input' }, { timeout: 15_000 }), 'a long new password 2027');
    await user.type(screen.getByLabelText(/^Confirm/, { selector: 'input' }), 'a long new password 2027');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="password-reset"]')));
  });

  it('a link that can no longer be used: the focus is on what to do instead', async () => {
    const { user } = renderPage(`/en/reset-password/${TOKEN}`, [{ path: 'reset-password/:token', element: <SetNewPasswordPage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/password-resets/:token', () => problem(410, 'gone', 'The link has expired.')),
    );
    await user.type(await screen.findByLabelText(/^New password/, { selector: 'input' }, { timeout: 15_000 }), 'a long new password 2027');
    await user.type(screen.getByLabelText(/^Confirm/, { selector: 'input' }), 'a long new password 2027');
    await user.click(screen.getByRole('button', { name: 'Save the new password' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('reset-link-unusable')));
  });

  it("the emails' language saved: the message that names it", async () => {
    sessions = [session('s1', true)];
    const { user, api } = accountPage((a) => a.on('PUT', '/api/v1/me/language', () => json({ language: 'fr' })));
    await user.selectOptions(await screen.findByLabelText(/^Emails from the platform/, {}, { timeout: 15_000 }), 'fr');
    await user.click(screen.getByRole('button', { name: 'Save the language' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="mail-language"]')));
    expect(document.activeElement?.textContent).toBe('Emails will now be sent in Français.');
    expect(api.sentTo('PUT', '/api/v1/me/language')[0]!.body).toEqual({ language: 'fr' });
  });

  it('new recovery codes: the warning that they are shown only once, before the codes', async () => {
    sessions = [session('s1', true)];
    const { user } = accountPage((a) => a.on('POST', '/api/v1/me/recovery-codes', () => json({ recoveryCodes: CODES })));
    const section = within((await screen.findByRole('heading', { name: 'Recovery codes' }, { timeout: 15_000 })).closest('section')!);
    await user.type(section.getByLabelText(/^Current password/, { selector: 'input' }), 'the current password');
    await user.click(section.getByRole('button', { name: 'Make new recovery codes' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('recovery-once')));
    expect(screen.getByTestId('recovery-codes').textContent).toContain('AAAA-BBBB-CCCC');
  });

  it('another session signed out: the message that says so (its row and button are gone)', async () => {
    sessions = [session('s1', true), session('s2', false)];
    const { user } = accountPage((a) =>
      a.on('DELETE', '/api/v1/me/sessions/:id', (_, { id }) => {
        sessions = sessions.filter((s) => s.id !== id);
        return json(undefined, { status: 204 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: /^Sign out: / }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="sessions"]')));
    expect(document.activeElement?.textContent).toBe('The session has been signed out.');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Sign out: / })).toBeNull());
  });
});
