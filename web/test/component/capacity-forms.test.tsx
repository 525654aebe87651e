import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import NeedFormPage from '../../src/features/capacity/NeedFormPage';
import NeedPage from '../../src/features/capacity/NeedPage';
import OfferFormPage from '../../src/features/capacity/OfferFormPage';
import ProjectPage from '../../src/features/capacity/ProjectPage';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';

const NEED_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0001';
const OFFER_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0002';
const MATCH_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0003';
const OTHER_OFFER_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0005';
const PROJECT_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0004';

/** Fills a field at once, as a browser test's fill() does (typing each key is slow on a loaded machine). */
async function fill(user: { click: (el: Element) => Promise<void>; paste: (text: string) => Promise<void> }, field: Element, text: string) {
  await user.click(field);
  await user.paste(text);
}

const kenyaFocalPoint = me({ roles: ['focal_point'], state: 'KEN' });
const lists = (can: { publishNeed: boolean; publishOffer: boolean }) => ({ items: [], total: 0, can });
const state = (iso3: string, name: string) => ({ iso3, m49: '404', regionalGroup: 'AG', names: { ar: name, zh: name, en: name, fr: name, ru: name, es: name } });

function common(api: FakeApi) {
  api.on('GET', '/api/v1/states/:iso3', (_, { iso3 }) => json(iso3 === 'KEN' ? state('KEN', 'Kenya') : state('FRA', 'France')));
}

const needRecord = (over: Record<string, unknown> = {}) => ({
  id: NEED_ID,
  state: 'KEN',
  title: { en: 'Training of sector CSIRTs' },
  description: { en: 'Incident severity assessment.' },
  codes: ['norm-13g'],
  modality: 'training',
  languages: ['en', 'fr'],
  periodStart: null,
  periodEnd: null,
  partners: 1,
  visibility: 'public',
  status: 'open',
  source: null,
  publishedAt: '2026-12-01T10:00:00.000Z',
  matchedAt: null,
  matches: [],
  can: { edit: true, invite: true, moveTo: ['withdrawn'] },
  ...over,
});
const offerRecord = {
  id: OFFER_ID,
  offeror: { kind: 'state', state: 'FRA', organisationId: null, organisationName: null, programme: null },
  title: { en: 'Incident response training for CSIRTs' },
  description: { en: 'A week of training.' },
  codes: ['norm-13g'],
  modalities: ['training'],
  languages: ['fr', 'en'],
  regions: [],
  states: [],
  capacity: 2,
  engaged: 0,
  periodStart: null,
  periodEnd: null,
  conditions: null,
  visibility: 'public',
  status: 'open',
  publishedAt: '2026-11-01T10:00:00.000Z',
};
const ranked = {
  items: [
    {
      offer: offerRecord,
      score: 6,
      reasons: [
        { code: 'shared-elements', params: { pillar: 'norms', elements: ['norm-13g'], points: 3 } },
        { code: 'modality', params: { modality: 'training', points: 2 } },
        { code: 'language', params: { languages: ['en', 'fr'], points: 1 } },
      ],
      invited: false,
      can: { invite: true },
    },
  ],
};
/** The same ranking as a viewer who may not invite (the API says so per offer). */
const rankedNoInvite = { items: ranked.items.map((i) => ({ ...i, can: { invite: false } })) };
const match = (over: Record<string, unknown> = {}) => ({
  id: MATCH_ID,
  needId: NEED_ID,
  offerId: OFFER_ID,
  needState: 'KEN',
  offeror: offerRecord.offeror,
  status: 'invited',
  score: 6,
  inviteMessage: 'Our CSIRTs would benefit.',
  responseMessage: null,
  withdrawnBy: null,
  withdrawMessage: null,
  invitedAt: '2026-12-02T10:00:00.000Z',
  respondedAt: null,
  closedAt: null,
  projectId: null,
  can: { accept: false, decline: false, confirm: false, withdraw: true },
  ...over,
});

describe('publishing a need', () => {
  it('sends the six-language title, the framework codes as a list, the languages, the period and who sees it, then opens the need', async () => {
    const { user, api, path } = renderPage('/en/capacity/needs/new', [{ path: 'capacity/needs/new', element: <NeedFormPage /> }], (api) => {
      common(api);
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/needs', lists({ publishNeed: true, publishOffer: true }))
        .on('POST', '/api/v1/capacity/needs', () => json({ id: NEED_ID }, { status: 201 }));
    });
    const form = (await screen.findByRole('heading', { name: 'Write a need' }, { timeout: 15_000 })).closest('section')!;
    const inForm = within(form as HTMLElement);
    await fill(user, inForm.getByLabelText(/^Title in English/), 'National CII inventory');
    await fill(user, inForm.getByLabelText(/^Title in French/), 'Inventaire national des infrastructures critiques');
    await fill(user, inForm.getByLabelText(/^Description in English/), 'Support to map critical information infrastructure.');
    await fill(user, inForm.getByLabelText(/^Framework elements/), 'norm-13g, Global-CBM-7 ;');
    await user.selectOptions(inForm.getByLabelText('Modality'), 'advisory');
    await user.click(inForm.getByRole('checkbox', { name: 'French' }));
    await user.type(inForm.getByLabelText('From'), '2027-03-01');
    await user.click(inForm.getByRole('radio', { name: 'States and offerors who hold an account' }));
    await user.click(inForm.getByRole('button', { name: 'Publish the need' }));
    await waitFor(() => expect(path()).toBe(`/en/capacity/needs/${NEED_ID}`));
    expect(api.sentTo('POST', '/api/v1/capacity/needs')[0]!.body).toEqual({
      title: { en: 'National CII inventory', fr: 'Inventaire national des infrastructures critiques' },
      description: { en: 'Support to map critical information infrastructure.' },
      codes: ['norm-13g', 'global-cbm-7'],
      modality: 'advisory',
      languages: ['en', 'fr'],
      periodStart: '2027-03-01',
      periodEnd: null,
      visibility: 'participants',
    });
  });

  it('publishes the needs of the national report in one step, and links to each one made', async () => {
    const { user, api } = renderPage('/en/capacity/needs/new', [{ path: 'capacity/needs/new', element: <NeedFormPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/needs', lists({ publishNeed: true, publishOffer: true }))
        .on('POST', '/api/v1/capacity/needs/from-report', () => json({ reportId: 'r1', submission: 2, created: [NEED_ID], alreadyPublished: 1 }, { status: 201 }));
    });
    const section = within((await screen.findByRole('heading', { name: 'Publish the needs of our national report' }, { timeout: 15_000 })).closest('section') as HTMLElement);
    await user.selectOptions(section.getByLabelText('Modality'), 'technical-assistance');
    await user.click(section.getByRole('checkbox', { name: 'Arabic' }));
    await user.click(section.getByRole('radio', { name: 'The Secretariat only' }));
    await user.click(section.getByRole('button', { name: 'Publish the needs of our report' }));
    await section.findByText('Published: 1. Already published before: 1.', {}, { timeout: 15_000 });
    // The focus is on what was published (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(section.getByTestId('from-report-result')));
    expect(section.getByRole('link', { name: 'Open published need 1' }).getAttribute('href')).toBe(`/en/capacity/needs/${NEED_ID}`);
    expect(api.sentTo('POST', '/api/v1/capacity/needs/from-report')[0]!.body).toEqual({ modality: 'technical-assistance', languages: ['en', 'ar'], visibility: 'secretariat' });
  });

  it('says the refusal when the State has no submitted report', async () => {
    const { user } = renderPage('/en/capacity/needs/new', [{ path: 'capacity/needs/new', element: <NeedFormPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/needs', lists({ publishNeed: true, publishOffer: true }))
        .on('POST', '/api/v1/capacity/needs/from-report', () => problem(409, 'no-report', 'Your State has no submitted national report to take needs from.'));
    });
    await user.click(await screen.findByRole('button', { name: 'Publish the needs of our report' }, { timeout: 15_000 }));
    expect((await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent).toContain('Your State has no submitted national report to take needs from.');
  });

  it('offers no form to whom the API says may not publish', async () => {
    const { api } = renderPage('/en/capacity/needs/new', [{ path: 'capacity/needs/new', element: <NeedFormPage /> }], (api) => {
      api.on('GET', '/api/v1/me', me(null)).on('GET', '/api/v1/capacity/needs', lists({ publishNeed: false, publishOffer: false }));
    });
    await screen.findByText('Only the focal point of a State publishes its needs.', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Publish the need' })).toBeNull();
    expect(api.sentTo('POST', '/api/v1/capacity/needs')).toEqual([]);
  });
});

describe('publishing an offer', () => {
  it('sends the modalities, the groups and States served (codes in capitals), the capacity and the conditions; no programme field for a State', async () => {
    const { user, api, path } = renderPage('/en/capacity/offers/new', [{ path: 'capacity/offers/new', element: <OfferFormPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'FRA' }))
        .on('GET', '/api/v1/capacity/offers', lists({ publishNeed: true, publishOffer: true }))
        .on('POST', '/api/v1/capacity/offers', () => json({ id: OFFER_ID }, { status: 201 }));
    });
    await fill(user, await screen.findByLabelText(/^Title in English/, {}, { timeout: 15_000 }), 'Incident response training');
    await fill(user, screen.getByLabelText(/^Description in English/), 'A week of training.');
    await fill(user, screen.getByLabelText(/^Framework elements/), 'norm-13g');
    await user.click(screen.getByRole('checkbox', { name: 'Training' }));
    await user.click(screen.getByRole('checkbox', { name: 'Advisory services' }));
    await user.click(screen.getByRole('checkbox', { name: 'African Group' }));
    await fill(user, screen.getByLabelText(/^States served/), 'ken, jor');
    await user.clear(screen.getByRole('textbox', { name: /^Capacity/ }));
    await fill(user, screen.getByRole('textbox', { name: /^Capacity/ }), '3');
    await fill(user, screen.getByLabelText('Conditions'), 'Travel paid by the host.');
    expect(screen.queryByLabelText(/^Programme/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Publish the offer' }));
    await waitFor(() => expect(path()).toBe(`/en/capacity/offers/${OFFER_ID}`));
    expect(api.sentTo('POST', '/api/v1/capacity/offers')[0]!.body).toEqual({
      title: { en: 'Incident response training' },
      description: { en: 'A week of training.' },
      codes: ['norm-13g'],
      modalities: ['training', 'advisory'],
      languages: ['en'],
      regions: ['AG'],
      states: ['KEN', 'JOR'],
      capacity: 3,
      periodStart: null,
      periodEnd: null,
      conditions: 'Travel paid by the host.',
      visibility: 'public',
    });
  });
});

describe("a need's page", () => {
  it('shows each ranked offer with its reasons, and invites one with a message where the API says it may', async () => {
    let invited = false;
    const { user, api } = renderPage(`/en/capacity/needs/${NEED_ID}`, [{ path: 'capacity/needs/:id', element: <NeedPage /> }], (api) => {
      common(api);
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/needs/:id', () => json(invited ? needRecord({ matches: [match()] }) : needRecord()))
        .on('GET', '/api/v1/capacity/needs/:id/offers', ranked)
        .on('POST', '/api/v1/capacity/needs/:id/invitations', () => {
          invited = true;
          return json({ id: MATCH_ID }, { status: 201 });
        });
    });
    const offer = within((await screen.findByRole('link', { name: 'Incident response training for CSIRTs' }, { timeout: 15_000 })).closest('li') as HTMLElement);
    offer.getByText('Score: 6');
    offer.getByText('Shares norm-13g (Norms): 3 points');
    offer.getByText('Offers the modality asked for, Training: 2 points');
    offer.getByText('A common language, English and French: 1 point(s)');
    await user.click(offer.getByRole('button', { name: 'Invite this offer' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Invite this offeror?' }, { timeout: 15_000 }));
    await fill(user, dialog.getByLabelText(/Message to the other side/), 'Our CSIRTs would benefit from your course.');
    await user.click(dialog.getByRole('button', { name: 'Invite this offer' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/capacity/needs/${NEED_ID}/invitations`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/capacity/needs/${NEED_ID}/invitations`)[0]!.body).toEqual({ offerId: OFFER_ID, message: 'Our CSIRTs would benefit from your course.' });
    // The focus is on the new match, not on the button of the dialog that closed (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector(`[data-match="${MATCH_ID}"]`)));
  });

  it('offers no invitation where `can.invite` is false, and only the steps each match allows', async () => {
    let accepted = false;
    const { user, api } = renderPage(`/en/capacity/needs/${NEED_ID}`, [{ path: 'capacity/needs/:id', element: <NeedPage /> }], (api) => {
      common(api);
      api
        .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'FRA' }))
        .on('GET', '/api/v1/capacity/needs/:id', () =>
          json(needRecord({ status: 'in-discussion', can: { edit: false, invite: false, moveTo: [] }, matches: [match(accepted ? { offerId: OTHER_OFFER_ID, status: 'accepted', can: { accept: false, decline: false, confirm: false, withdraw: true } } : { offerId: OTHER_OFFER_ID, can: { accept: true, decline: true, confirm: false, withdraw: true } })] })),
        )
        .on('GET', '/api/v1/capacity/needs/:id/offers', rankedNoInvite)
        .on('POST', '/api/v1/capacity/matches/:id/accept', () => {
          accepted = true;
          return json({ id: MATCH_ID });
        });
    });
    const status = await screen.findByTestId('match-status', {}, { timeout: 15_000 });
    expect(status.textContent).toBe('Invited');
    const card = within(status.closest('[data-match]') as HTMLElement);
    expect(card.queryByRole('button', { name: 'Confirm and start the project' })).toBeNull();
    card.getByRole('button', { name: 'Decline' });
    card.getByText('Invitation: Our CSIRTs would benefit.');
    await screen.findByText('Score: 6', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Invite this offer' })).toBeNull();
    await user.click(card.getByRole('button', { name: 'Accept' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Accept this invitation?' }, { timeout: 15_000 }));
    await fill(user, dialog.getByLabelText(/Message to the other side/), 'Avec plaisir.');
    await user.click(dialog.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/capacity/matches/${MATCH_ID}/accept`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/capacity/matches/${MATCH_ID}/accept`)[0]!.body).toEqual({ message: 'Avec plaisir.' });
    // The focus is on the match's new status: the Accept button has gone with the dialog (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('match-status')));
    expect(document.activeElement?.textContent).toBe('Accepted');
  });
});

describe("managing one's need", () => {
  it('offers the moves the API lists, asks first, and sends the one chosen', async () => {
    let withdrawn = false;
    const { user, api } = renderPage(`/en/capacity/needs/${NEED_ID}`, [{ path: 'capacity/needs/:id', element: <NeedPage /> }], (api) => {
      common(api);
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/needs/:id', () => json(withdrawn ? needRecord({ status: 'withdrawn', can: { edit: true, invite: false, moveTo: ['open'] } }) : needRecord()))
        .on('GET', '/api/v1/capacity/needs/:id/offers', { items: [] })
        .on('PATCH', '/api/v1/capacity/needs/:id', () => {
          withdrawn = true;
          return json({ id: NEED_ID });
        });
    });
    await user.click(await screen.findByRole('button', { name: 'Withdraw the need' }, { timeout: 15_000 }));
    expect(screen.queryByRole('button', { name: 'Mark the need met' })).toBeNull();
    const dialog = within(await screen.findByRole('dialog', { name: 'Withdraw the need?' }, { timeout: 15_000 }));
    await user.click(dialog.getByRole('button', { name: 'Withdraw the need' }));
    await waitFor(() => expect(api.sentTo('PATCH', `/api/v1/capacity/needs/${NEED_ID}`)).toHaveLength(1));
    expect(api.sentTo('PATCH', `/api/v1/capacity/needs/${NEED_ID}`)[0]!.body).toEqual({ status: 'withdrawn' });
    // The focus is on the need's new status, at the head of the page (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('need-status')));
    expect(document.activeElement?.textContent).toBe('Withdrawn');
  });
});

describe("a partner's closing evaluation", () => {
  const project = (can: { edit: boolean; publish: boolean; evaluate: boolean }) => ({
    id: PROJECT_ID,
    needId: NEED_ID,
    offerId: OFFER_ID,
    requester: 'KEN',
    offeror: offerRecord.offeror,
    title: { en: 'Training of sector CSIRTs' },
    objectives: 'Train the analysts of four sector CSIRTs.',
    milestones: [{ title: 'Course in Nairobi', due: '2026-05-15', status: 'done' }],
    principles: ['cb-principle-1'],
    publicParts: { project: true, objectives: true, milestones: true },
    status: 'completed',
    startedAt: '2026-03-01T10:00:00.000Z',
    completedAt: '2026-10-01T10:00:00.000Z',
    evaluations: [],
    version: 3,
    can,
  });

  it('is sent with what was delivered, what changed, the lessons and whether it is public', async () => {
    let evaluated = false;
    const { user, api } = renderPage(`/en/capacity/projects/${PROJECT_ID}`, [{ path: 'capacity/projects/:id', element: <ProjectPage /> }], (api) => {
      common(api);
      api
        .on('GET', '/api/v1/me', kenyaFocalPoint)
        .on('GET', '/api/v1/capacity/projects/:id', () =>
          json(
            evaluated
              ? { ...project({ edit: true, publish: true, evaluate: false }), evaluations: [{ side: 'requester', delivered: 'Two courses.', changed: 'One national scale.', lessons: 'Involve the regulators.', public: true, evaluatedAt: '2026-10-02T10:00:00.000Z' }] }
              : project({ edit: true, publish: true, evaluate: true }),
            { headers: { etag: '"3"' } },
          ),
        )
        .on('PUT', '/api/v1/capacity/projects/:id/evaluation', () => {
          evaluated = true;
          return json({ side: 'requester' });
        });
    });
    await fill(user, await screen.findByLabelText(/What was delivered/, {}, { timeout: 15_000 }), 'Two courses.');
    await fill(user, screen.getByLabelText(/What changed/), 'One national scale.');
    await fill(user, screen.getByLabelText(/Lessons/), 'Involve the regulators.');
    await user.click(screen.getByLabelText('Publish this evaluation in the catalogue'));
    await user.click(screen.getByRole('button', { name: 'Save the evaluation' }));
    await waitFor(() => expect(api.sentTo('PUT', `/api/v1/capacity/projects/${PROJECT_ID}/evaluation`)).toHaveLength(1));
    expect(api.sentTo('PUT', `/api/v1/capacity/projects/${PROJECT_ID}/evaluation`)[0]!.body).toEqual({ delivered: 'Two courses.', changed: 'One national scale.', lessons: 'Involve the regulators.', public: true });
    // The focus is on the evaluation as the project now shows it: the form has gone (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-evaluation="requester"]')));
    expect(screen.queryByRole('button', { name: 'Save the evaluation' })).toBeNull();
  });

  it('is not offered where the API says the viewer may not evaluate', async () => {
    renderPage(`/en/capacity/projects/${PROJECT_ID}`, [{ path: 'capacity/projects/:id', element: <ProjectPage /> }], (api) => {
      common(api);
      api.on('GET', '/api/v1/me', me(null)).on('GET', '/api/v1/capacity/projects/:id', () => json(project({ edit: false, publish: false, evaluate: false })));
    });
    await screen.findByText('Train the analysts of four sector CSIRTs.', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Save the evaluation' })).toBeNull();
  });
});
