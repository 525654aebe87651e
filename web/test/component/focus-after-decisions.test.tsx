import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import DraftPage from '../../src/features/drafts/DraftPage';
import SilenceProceduresPage from '../../src/features/drafts/SilenceProceduresPage';
import type { Draft } from '../../src/features/drafts/queries';
import { me, renderPage, type RenderedPage } from './app';
import { draft } from './decisions-records';
import { json, type FakeApi } from './fake-api';
import { frameworkElements } from './records';

/**
 * #17 item 5, for drafts and decisions: after transmitting a draft, co-sponsoring an amendment,
 * breaking silence and each step of adoption in a meeting, the focus is on what the step changed, not
 * on a button that has gone or on the button of a dialog that closed.
 */

const state = (iso3: string, name: string) => ({ iso3, m49: '152', regionalGroup: 'GRULAC', names: { ar: name, zh: name, en: name, fr: name, ru: name, es: name } });
const MEETING = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const PROPOSAL = '8a7b6c5d-4e3f-4a2b-9c1d-0e1f2a3b4c5d';
const PROCEDURE = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const none = draft.can;

/** The draft page, the draft as the test holds it now (`held.draft`), as Chile's delegate or its chair. */
function draftPage(held: { draft: Draft }, roles: ('delegate' | 'focal_point' | 'secretariat')[], more: (api: FakeApi) => void) {
  return renderPage(`/en/drafts/${draft.id}`, [{ path: 'drafts/:id', element: <DraftPage /> }], (api) => {
    api
      .on('GET', '/api/v1/me', me({ roles, state: roles.includes('secretariat') ? null : 'CHL' }))
      .on('GET', '/api/v1/drafts/:id', () => json(held.draft, { headers: { etag: '"0"' } }))
      .on('GET', '/api/v1/framework/elements', frameworkElements([]))
      .on('GET', '/api/v1/states/:iso3', (_, { iso3 = '' }) => json(state(iso3, iso3 === 'CHL' ? 'Chile' : iso3 === 'FRA' ? 'France' : iso3)))
      .on('GET', '/api/v1/groups', { items: [{ id: draft.body, name: { en: 'Working group on points of contact' }, status: 'active', stakeholderObservers: false }], can: { create: false } })
      .on('GET', '/api/v1/meetings', { items: [{ id: MEETING, title: { en: 'Third meeting of the working group' }, startsAt: '2027-03-15T14:00:00.000Z', timeZone: 'America/New_York', body: { kind: 'group', groupId: draft.body } }], total: 1 })
      .on('GET', '/api/v1/me/follows/:kind/:id', (_r, p) => json({ kind: p.kind, id: p.id, following: false, can: { follow: true } }));
    more(api);
  });
}

const proposal = (over: Partial<Draft['adoptionProposals'][number]> = {}): Draft['adoptionProposals'][number] => ({
  id: PROPOSAL,
  meetingId: MEETING,
  revision: 0,
  proposedAt: '2027-03-15T15:00:00.000Z',
  closedAt: null,
  status: 'open',
  objections: [],
  can: { declareConsensus: false, object: false },
  ...over,
});

/** Breaks silence for Chile through the dialog, as its focal point does. */
async function breakSilenceForChile(user: RenderedPage['user']): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Break silence for Chile' }, { timeout: 15_000 }));
  const dialog = within(await screen.findByRole('dialog'));
  await user.type(dialog.getByRole('textbox', { name: /Reason for breaking silence/ }), 'OP2 needs more time.');
  await user.click(dialog.getByRole('checkbox'));
  await user.click(dialog.getByRole('button', { name: 'Break silence now' }));
}

describe('the focus follows each step on a draft', () => {
  it('the draft transmitted: the line that says when, not the button of the dialog that closed', async () => {
    const held = { draft: { ...draft, can: { ...none, transmit: true } } as Draft };
    const { user } = draftPage(held, ['secretariat'], (api) =>
      api.on('POST', '/api/v1/drafts/:id/transmit', () => {
        held.draft = { ...held.draft, transmittedAt: '2027-03-16T10:00:00.000Z', can: { ...none } };
        return json({ id: 'c0ffee00-0000-4000-8000-000000000001' }, { status: 201 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Transmit to the plenary' }, { timeout: 15_000 }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Transmit now' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('transmitted-on')));
  });

  it('an amendment co-sponsored: the co-sponsors as the amendment now lists them', async () => {
    const amendment = draft.latest.paragraphs[2]!.amendments[0]!;
    const withAmendment = (cosponsored: boolean): Draft => ({
      ...draft,
      actingFor: 'CHL',
      latest: {
        ...draft.latest,
        paragraphs: draft.latest.paragraphs.map((p, i) => (i === 2 ? { ...p, amendments: [{ ...amendment, sponsors: cosponsored ? ['FRA', 'CHL'] : ['FRA'], can: { cosponsor: !cosponsored } }] } : p)),
      },
    });
    const held = { draft: withAmendment(false) };
    const { user } = draftPage(held, ['delegate'], (api) =>
      api.on('POST', '/api/v1/amendments/:id/sponsors', () => {
        held.draft = withAmendment(true);
        return json({ id: amendment.id, sponsors: ['FRA', 'CHL'] }, { status: 201 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Co-sponsor for Chile' }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-amendment="${amendment.id}"] [data-testid="cosponsors"]`)));
    expect(document.activeElement?.textContent).toContain('Chile');
  });

  it('silence broken on the draft page: the break as the procedure records it', async () => {
    const procedure = (broken: boolean): Draft['silenceProcedures'][number] => ({
      id: PROCEDURE,
      revision: 0,
      status: broken ? 'broken' : 'open',
      deadlineAt: '2099-03-20T16:00:00.000Z',
      deadlineZone: 'America/New_York',
      deadlineLocal: '2099-03-20T12:00-04:00',
      openedAt: '2027-03-15T16:00:00.000Z',
      closedAt: broken ? '2027-03-16T10:00:00.000Z' : null,
      breaks: broken ? [{ state: 'CHL', reason: 'OP2 needs more time.', at: '2027-03-16T10:00:00.000Z' }] : [],
      can: { breakSilence: !broken },
    });
    const held = { draft: { ...draft, actingFor: 'CHL', silenceProcedures: [procedure(false)] } as Draft };
    const { user } = draftPage(held, ['focal_point'], (api) =>
      api.on('POST', '/api/v1/silence-procedures/:id/breaks', () => {
        held.draft = { ...held.draft, silenceProcedures: [procedure(true)] };
        return json({ id: PROCEDURE, status: 'broken' }, { status: 201 });
      }),
    );
    await breakSilenceForChile(user);
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-procedure="${PROCEDURE}"] [data-break-by="CHL"]`)));
  });

  it('adoption proposed: the new proposal, at its heading', async () => {
    const held = { draft: { ...draft, can: { ...none, issueRevision: true, proposeAdoption: true } } as Draft };
    const { user, api } = draftPage(held, ['secretariat'], (fake) =>
      fake.on('POST', '/api/v1/drafts/:id/adoption-proposals', () => {
        held.draft = { ...held.draft, adoptionProposals: [proposal()], can: { ...held.draft.can, proposeAdoption: false } };
        return json({ id: PROPOSAL, revision: 0 }, { status: 201 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Propose adoption of Zero draft' }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-proposal="${PROPOSAL}"] h3`)));
    expect(api.sentTo('POST', `/api/v1/drafts/${draft.id}/adoption-proposals`)[0]!.body).toEqual({ meetingId: MEETING });
  });

  it("a State objects to adoption: its objection on the proposal, not the dialog's button", async () => {
    const held = { draft: { ...draft, actingFor: 'CHL', adoptionProposals: [proposal({ can: { declareConsensus: false, object: true } })] } as Draft };
    const { user } = draftPage(held, ['delegate'], (api) =>
      api.on('POST', '/api/v1/adoption-proposals/:id/objections', (request) => {
        held.draft = { ...held.draft, adoptionProposals: [proposal({ objections: [{ state: 'CHL', reason: request.body.reason, at: '2027-03-15T15:05:00.000Z' }] })] };
        return json({ id: PROPOSAL }, { status: 201 });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Object for Chile' }, { timeout: 15_000 }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /Reason for the objection/ }), 'Not ready.');
    await user.click(dialog.getByRole('button', { name: 'Object for Chile' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-proposal="${PROPOSAL}"] [data-objection="CHL"]`)));
  });

  it('consensus declared: the proposal now says it is adopted', async () => {
    const held = { draft: { ...draft, can: { ...none, issueRevision: true }, adoptionProposals: [proposal({ can: { declareConsensus: true, object: false } })] } as Draft };
    const { user } = draftPage(held, ['secretariat'], (api) =>
      api.on('POST', '/api/v1/adoption-proposals/:id/consensus', () => {
        held.draft = { ...held.draft, status: 'adopted', adoptionProposals: [proposal({ status: 'adopted', closedAt: '2027-03-15T15:10:00.000Z' })] };
        return json({ status: 'adopted', outcome: { id: 'c824fa1d-8af5-4a6e-a030-f7e4b9ac2cf4', symbol: 'PoA/2027/REC.2' } });
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Declare consensus' }, { timeout: 15_000 }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-proposal="${PROPOSAL}"] [data-testid="proposal-status"]`)));
    expect(document.activeElement?.textContent).toBe('Adopted by consensus');
  });
});

describe('silence broken from the list of open procedures', () => {
  it('the procedure leaves the list; the focus is on the message that says silence is broken', async () => {
    let open = true;
    const { user } = renderPage('/en/silence-procedures', [{ path: 'silence-procedures', element: <SilenceProceduresPage /> }], (api) =>
      api
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'CHL' }))
        .on('GET', '/api/v1/states/:iso3', state('CHL', 'Chile'))
        .on('GET', '/api/v1/me/follows/:kind/:id', (_r, p) => json({ kind: p.kind, id: p.id, following: false, can: { follow: true } }))
        .on('GET', '/api/v1/silence-procedures', () =>
          json({
            actingFor: 'CHL',
            can: { breakSilence: true },
            items: open
              ? [{ id: PROCEDURE, draftId: draft.id, title: draft.title, revision: 0, revisionLabel: 'Zero draft', deadlineAt: '2099-03-20T16:00:00.000Z', deadlineZone: 'America/New_York', deadlineLocal: '2099-03-20T12:00-04:00', can: { breakSilence: true } }]
              : [],
          }),
        )
        .on('POST', '/api/v1/silence-procedures/:id/breaks', () => {
          open = false;
          return json({ id: PROCEDURE, status: 'broken' }, { status: 201 });
        }),
    );
    await breakSilenceForChile(user);
    await waitFor(() => expect(document.querySelector(`[data-procedure="${PROCEDURE}"]`)).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="silence-broken"]')));
    expect(document.activeElement?.textContent).toBe('Silence is broken for Chile.');
  });
});
