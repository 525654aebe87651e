import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import InvitePage from '../../src/features/accounts/InvitePage';
import type { Me } from '../../src/api/client';
import { SilencePanel } from '../../src/features/drafts/SilencePanel';
import { me, renderPage } from './app';
import { draft } from './decisions-records';
import { json } from './fake-api';

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

describe('opening a silence procedure', () => {
  it('asks for confirmation first, naming the deadline in its zone, and opens it only when confirmed', async () => {
    const chairs = { ...draft, can: { ...draft.can, openSilenceProcedure: true } };
    const { user, api } = renderPage(`/en/drafts/${draft.id}`, [{ path: 'drafts/:id', element: <SilencePanel draft={chairs} /> }], (a) =>
      a.on('GET', '/api/v1/me', me({ roles: ['chair'] })).on('POST', `/api/v1/drafts/${draft.id}/silence-procedures`, () => json({}, { status: 201 })),
    );
    await user.type(await screen.findByLabelText(/^Deadline date/), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Open the silence procedure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a silence procedure on Zero draft?' });
    expect(dialog.textContent).toContain('America/New_York');
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(0);
    // Cancel sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Open the silence procedure' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Open the silence procedure' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/silence-procedures`)[0]!.body).toEqual({ deadlineLocal: '2027-03-01T12:00', zone: 'America/New_York' });
  });
});
