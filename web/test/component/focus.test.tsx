import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import SignInPage from '../../src/features/accounts/SignInPage';
import InvitePage from '../../src/features/accounts/InvitePage';
import { RequireAccount } from '../../src/app/RequireAccount';
import { PageHeading } from '../../src/ui/PageHeading';
import { me, renderPage } from './app';
import { json } from './fake-api';

/** #17 item 5e: the focus goes to the new content after sign-in and after a submitted form. */
describe('the focus follows the new content', () => {
  it('after sign-in, to the heading of the page the person came for', async () => {
    const { user, path } = renderPage(
      '/en/sign-in?next=/en/my',
      [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'my', element: <PageHeading>What needs you</PageHeading> },
      ],
      (a) => a.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/session', () => json(me({ roles: ['delegate'] }))),
    );
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }, { timeout: 15_000 }), 'delegate@poa.demo');
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'poa-demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(path()).toBe('/en/my'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'What needs you' })));
  });

  it('after an invitation is sent, to the message that says so', async () => {
    const { user } = renderPage('/en/invite', [{ path: 'invite', element: <RequireAccount><InvitePage /></RequireAccount> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }, { invite: true, inviteRoles: ['secretariat', 'chair'], inviteStates: { all: false, states: [] } }))
        .on('GET', '/api/v1/states', { items: [], total: 0 })
        .on('POST', '/api/v1/invitations', () => json({ id: 'i1', email: 'new@un.example', expiresAt: '2027-01-14T10:00:00.000Z' }, { status: 201 })),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Nour');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'new@un.example');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    const sent = await screen.findByRole('status');
    await waitFor(() => expect(document.activeElement).toBe(sent.closest('[data-invitation-sent]')));
  });
});
