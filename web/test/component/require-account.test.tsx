import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { RequireAccount } from '../../src/app/RequireAccount';
import { me, renderPage } from './app';

/** The one guard of the pages only for the signed-in (router.tsx wraps them in it). */
describe('RequireAccount', () => {
  const routes = [{ element: <RequireAccount />, children: [{ path: 'account', element: <p>The account page</p> }] }];

  it('sends the public to sign in, and back here afterwards, without showing the page', async () => {
    const { path } = renderPage('/fr/account', routes, (a) => a.on('GET', '/api/v1/me', me(null)));
    await waitFor(() => expect(path()).toBe('/fr/sign-in'));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/fr/sign-in');
    expect(screen.queryByText('The account page')).toBeNull();
  });

  it('shows the page to a signed-in person', async () => {
    renderPage('/en/account', routes, (a) => a.on('GET', '/api/v1/me', me({ roles: ['delegate'], state: 'CHL' })));
    expect(await screen.findByText('The account page')).toBeTruthy();
  });
});
