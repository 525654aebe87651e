import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import InvitePage from '../../src/features/accounts/InvitePage';
import type { Me } from '../../src/api/client';
import { me, renderPage } from './app';

const state = (iso3: string, en: string) => ({ iso3, m49: '000', names: { ar: en, en, es: en, fr: en, ru: en, zh: en }, regionalGroup: 'GRULAC', status: 'member' });
const states = { items: [state('CHL', 'Chile'), state('PER', 'Peru'), state('BOL', 'Bolivia')], total: 3 };

/** #17 item 5: forms offer only what the user may do. */
describe('the invite form', () => {
  const open = (can: Pick<Me['can'], 'inviteRoles' | 'inviteStates'>) =>
    renderPage('/en/invite', [{ path: 'invite', element: <InvitePage /> }], (a) =>
      a
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }, { invite: true, ...can }))
        .on('GET', '/api/v1/states', states),
    );

  it('offers a focal point only the roles and the State the server says it may use', async () => {
    const { user } = open({ inviteRoles: ['delegate', 'poc'], inviteStates: ['CHL'] });
    await user.click(await screen.findByLabelText(/^Role/, { selector: 'input' }));
    const roles = within(await screen.findByRole('listbox', { name: /^Role/, hidden: true })).getAllByRole('option', { hidden: true }).map((o) => o.textContent);
    expect(roles).toEqual(['Delegate']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByLabelText(/^State/, { selector: 'input' }));
    const offered = await within(await screen.findByRole('listbox', { name: /^State/, hidden: true })).findAllByRole('option', { hidden: true });
    expect(offered.map((o) => o.textContent)).toEqual(['Chile']);
  });

  it('offers the Secretariat every role of the form and every State', async () => {
    const { user } = open({ inviteRoles: ['secretariat', 'chair', 'focal_point', 'delegate', 'stakeholder', 'poc'], inviteStates: ['BOL', 'CHL', 'PER'] });
    await user.click(await screen.findByLabelText(/^Role/, { selector: 'input' }));
    expect(within(await screen.findByRole('listbox', { name: /^Role/, hidden: true })).getAllByRole('option', { hidden: true })).toHaveLength(5);
    await user.keyboard('{Escape}');
    await user.click(screen.getByLabelText(/^State/, { selector: 'input' }));
    const offered = await within(await screen.findByRole('listbox', { name: /^State/, hidden: true })).findAllByRole('option', { hidden: true });
    expect(offered.map((o) => o.textContent)).toEqual(['Bolivia', 'Chile', 'Peru']);
  });

  it('tells someone who may invite nobody so, with no form', async () => {
    open({ inviteRoles: [], inviteStates: [] });
    await screen.findByRole('heading', { name: /invite/i, level: 1 });
    expect(screen.queryByRole('button', { name: /send/i })).toBeNull();
    expect(screen.queryByLabelText(/^Role/, { selector: 'input' })).toBeNull();
  });
});
