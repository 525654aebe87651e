import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import SignInPage from '../../src/features/accounts/SignInPage';
import { me, renderPage } from './app';
import { json, problem } from './fake-api';

/** #12 item 5: what the sign-in page says when sign-in is slowed down or the account locked. */
describe('signing in when failures have been counted', () => {
  const fill = async (user: ReturnType<typeof renderPage>['user']) => {
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }, { timeout: 15_000 }), 'focal.chl@poa.demo');
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'poa-demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
  };

  it('a locked account is told so, and asked for a recovery code, which is sent with the password', async () => {
    const { user, api } = renderPage('/en/sign-in', [{ path: 'sign-in', element: <SignInPage /> }], (a) =>
      a.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/session', (request) =>
        request.body.recoveryCode ? json({ ...me({ roles: ['focal_point'] }) }) : problem(401, 'sign-in-locked', 'locked'),
      ),
    );
    await fill(user);
    await expect.poll(() => screen.queryAllByRole('alert').map((a) => a.textContent ?? '').some((t) => t.includes('locked for a while'))).toBe(true);
    await user.type(await screen.findByRole('textbox', { name: 'Recovery code' }), 'ABCD-EFGH-IJKL');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expect.poll(() => api.sentTo('POST', '/api/v1/session').at(-1)?.body).toEqual({ email: 'focal.chl@poa.demo', password: 'poa-demo-password', recoveryCode: 'ABCD-EFGH-IJKL' });
  });

  it('a delayed source is told how many seconds to wait', async () => {
    const { user } = renderPage('/en/sign-in', [{ path: 'sign-in', element: <SignInPage /> }], (a) =>
      a.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/session', () =>
        json({ type: 'urn:poa:problem:too-many-requests', title: 'Too many requests', status: 429, retryAfterSeconds: 40 }, { status: 429, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    await fill(user);
    expect((await screen.findByRole('alert')).textContent).toContain('Wait 40 seconds');
  });
});
