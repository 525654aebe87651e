import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import OrganisationPage from '../../src/features/stakeholders/OrganisationPage';
import { StakeholderInputs } from '../../src/features/stakeholders';
import { me, renderPage } from './app';
import { json } from './fake-api';

const ORG = '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const MEETING = '2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c';

const organisation = {
  id: ORG,
  name: 'Global Forum on Cyber Expertise',
  names: { en: 'Global Forum on Cyber Expertise' },
  kind: 'intergovernmental',
  headquarters: null,
  website: null,
  ecosoc: { status: 'special', since: 2018 },
  accreditation: 'accredited',
  accreditedAt: '2026-12-01T10:00:00.000Z',
  objections: { count: 0, namedStates: [], bases: [] },
  withdrawals: [],
  can: { withdraw: false, submitInput: true, requestToSpeak: true, inviteRepresentative: false },
};
// Only what the form reads of a meeting in the list.
const meetings = {
  items: [
    { id: MEETING, title: { en: 'Annual meeting 2027' }, startsAt: '2027-03-15T14:00:00.000Z', stakeholdersMayAttend: true },
    { id: 'closed', title: { en: 'States-only consultation' }, startsAt: '2027-04-15T14:00:00.000Z', stakeholdersMayAttend: false },
  ],
  total: 2,
};
const GROUP = '3c4d5e6f-7081-4a92-8c3d-4e5f6a7b8c9d';
// Only what the form reads of the groups and of a meeting's page.
const groups = {
  items: [
    { id: GROUP, name: { en: 'Working group on ICT security' }, status: 'active', stakeholderObservers: true },
    { id: 'closed-door', name: { en: 'States-only group' }, status: 'active', stakeholderObservers: false },
    { id: 'ended', name: { en: 'Former group' }, status: 'closed', stakeholderObservers: true },
  ],
};
const agenda = {
  items: [
    { key: 'opening', number: '1', title: { en: 'Opening' }, elements: [], items: [] },
    { key: 'poc', number: '2', title: { en: 'Points of contact' }, elements: [], items: [{ key: 'poc-directory', number: '2 (a)', title: { en: 'The directory' }, elements: [] }] },
  ],
};
const meetingPage = { id: MEETING, title: { en: 'Annual meeting 2027' }, agenda };
const input = (body: Record<string, unknown>) => ({ id: 'w1', organisation: { id: ORG, name: organisation.name }, meetingId: body.groupId ? null : MEETING, agendaItem: body.agendaItem ?? null, groupId: body.groupId ?? null, title: body.title, language: body.language, text: body.text ?? null, pdf: null, submittedAt: '2027-01-02T10:00:00.000Z' });

function page() {
  return renderPage(`/en/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (api) => {
    api
      .on('GET', '/api/v1/me', me({ roles: ['stakeholder'], organisation: { id: ORG, name: organisation.name } }))
      .on('GET', '/api/v1/organisations/:id', organisation)
      .on('GET', '/api/v1/meetings', meetings)
      .on('GET', '/api/v1/meetings/:id', meetingPage)
      .on('GET', '/api/v1/groups', groups)
      .on('POST', '/api/v1/organisations/:id/written-inputs', (request) => json(input(request.body), { status: 201 }));
  });
}

describe('a representative of an accredited organisation', () => {
  it('submits a written input as text to a meeting open to stakeholders', async () => {
    const { user, api } = page();
    const meeting = (await screen.findAllByLabelText(/^Meeting/, {}, { timeout: 5000 }))[0]!;
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Annual meeting 2027/ }).length).toBeGreaterThan(0));
    expect(screen.queryAllByRole('option', { name: /States-only consultation/ })).toHaveLength(0);
    await user.selectOptions(meeting, MEETING);
    await user.click(screen.getByLabelText(/^Title/));
    await user.paste('On the points of contact');
    await user.click(screen.getByLabelText(/^Text of the input/));
    await user.paste('The Forum offers its portal.');
    await user.click(screen.getByRole('button', { name: 'Submit and publish' }));
    await screen.findByText("Your written input is published on the meeting's page.");
    // The focus is on the message that says so, with its link to the meeting (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="written-input"]')));
    expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)[0]!.body).toEqual({ meetingId: MEETING, title: 'On the points of contact', language: 'en', text: 'The Forum offers its portal.' });
  });

  it('submits a PDF instead: its name and bytes, no text', async () => {
    const { user, api, container } = page();
    const meeting = (await screen.findAllByLabelText(/^Meeting/, {}, { timeout: 5000 }))[0]!;
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Annual meeting 2027/ }).length).toBeGreaterThan(0));
    await user.selectOptions(meeting, MEETING);
    await user.click(screen.getByLabelText(/^Title/));
    await user.paste('Position paper');
    await user.click(screen.getByLabelText('PDF file'));
    await user.upload(container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement, new File(['%PDF-1.4 x'], 'paper.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Submit and publish' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)).toHaveLength(1));
    const body = api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)[0]!.body;
    expect(body).toEqual({ meetingId: MEETING, title: 'Position paper', language: 'en', pdf: { name: 'paper.pdf', base64: btoa('%PDF-1.4 x') } });
  });
});

describe('after each form of the organisation page, the focus is on what it did (#17 item 5)', () => {
  it('a request to speak: the message that says it is recorded', async () => {
    const { user, api } = renderPage(`/en/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (fake) => {
      fake
        .on('GET', '/api/v1/me', me({ roles: ['stakeholder'], organisation: { id: ORG, name: organisation.name } }))
        .on('GET', '/api/v1/organisations/:id', { ...organisation, can: { ...organisation.can, submitInput: false } })
        .on('GET', '/api/v1/meetings', meetings)
        .on('GET', '/api/v1/groups', groups)
        .on('POST', '/api/v1/meetings/:id/speaking-requests/organisations/:organisationId', (request) => json({ id: 's1', speaker: request.body.speaker }, { status: 201 }));
    });
    const meeting = await screen.findByLabelText(/^Meeting/, {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Annual meeting 2027/ }).length).toBe(1));
    await user.selectOptions(meeting, MEETING);
    await user.click(screen.getByLabelText(/^Speaker/));
    await user.paste('Priya Raman');
    await user.click(screen.getByRole('button', { name: 'Ask to speak' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="speaking-request"]')));
    expect(document.activeElement?.textContent).toBe('Your request to speak has been recorded.');
    expect(api.sentTo('POST', `/api/v1/meetings/${MEETING}/speaking-requests/organisations/${ORG}`)[0]!.body).toEqual({ speaker: 'Priya Raman' });
  });

  it("the accreditation withdrawn: the withdrawal on the organisation's record, the form gone", async () => {
    let held = { ...organisation, can: { withdraw: true, submitInput: false, requestToSpeak: false, inviteRepresentative: false } };
    const { user } = renderPage(`/en/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (fake) => {
      fake
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/organisations/:id', () => json(held))
        .on('POST', '/api/v1/organisations/:id/withdrawal', (request) => {
          held = { ...held, accreditation: 'withdrawn', withdrawals: [{ at: '2027-02-01T10:00:00.000Z', decision: request.body.decision, reason: request.body.reason }] as never, can: { ...held.can, withdraw: false } };
          return json({ id: ORG }, { status: 201 });
        });
    });
    await user.click(await screen.findByLabelText(/^Decision/, {}, { timeout: 5000 }));
    await user.paste('PoA/2027/DEC.9');
    await user.click(screen.getByLabelText(/^Reason/));
    await user.paste('No longer active.');
    await user.click(screen.getByRole('button', { name: 'Withdraw by this decision' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-withdrawal="0"]')));
    expect(document.activeElement?.textContent).toMatch(/by decision PoA\/2027\/DEC\.9: No longer active\.$/);
    expect(screen.queryByRole('button', { name: 'Withdraw by this decision' })).toBeNull();
  });
});

describe('the first representative inviting another', () => {
  it("says so when the person's existing account was made a representative rather than invited", async () => {
    const { user, api } = renderPage(`/en/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (fake) => {
      fake
        .on('GET', '/api/v1/me', me({ roles: ['stakeholder'], organisation: { id: ORG, name: organisation.name } }))
        .on('GET', '/api/v1/organisations/:id', { ...organisation, can: { ...organisation.can, inviteRepresentative: true } })
        .on('GET', '/api/v1/meetings', meetings)
        .on('GET', '/api/v1/groups', groups)
        .on('POST', '/api/v1/organisations/:id/representatives', (request) => json({ id: 'a1', email: request.body.email, expiresAt: null }, { status: 201 }));
    });
    await user.click(await screen.findByLabelText(/^Name/));
    await user.paste('Known Person');
    await user.click(screen.getByLabelText(/^Email/));
    await user.paste('known@example.org');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await screen.findByText('known@example.org now represents your organisation, with the account they had already; they have been told by email.');
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="representative"]')));
    expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/representatives`)[0]!.body).toEqual({ name: 'Known Person', email: 'known@example.org', language: 'en' });
  });
});

describe('the target of a written input', () => {
  it("names an item of the chosen meeting's current agenda, numbered as on the agenda", async () => {
    const { user, api } = page();
    const meeting = (await screen.findAllByLabelText(/^Meeting/, {}, { timeout: 5000 }))[0]!;
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Annual meeting 2027/ }).length).toBeGreaterThan(0));
    expect(screen.queryByLabelText('Agenda item')).toBeNull();
    await user.selectOptions(meeting, MEETING);
    const item = await screen.findByLabelText('Agenda item');
    expect(screen.getByRole('option', { name: 'The meeting as a whole' })).toBeTruthy();
    await user.selectOptions(item, 'poc-directory');
    expect(screen.getByRole('option', { name: '2 (a) The directory' })).toBeTruthy();
    await user.click(screen.getByLabelText(/^Title/));
    await user.paste('On the directory');
    await user.click(screen.getByLabelText(/^Text of the input/));
    await user.paste('Keep it current.');
    await user.click(screen.getByRole('button', { name: 'Submit and publish' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)[0]!.body).toEqual({ meetingId: MEETING, agendaItem: 'poc-directory', title: 'On the directory', language: 'en', text: 'Keep it current.' });
  });

  it('on a page in Arabic: an agenda item without an Arabic title is the English one, isolated and marked, in its own language', async () => {
    const arabic = {
      items: [
        { key: 'opening', number: '1', title: { en: 'Opening', ar: 'الافتتاح' }, elements: [], items: [] },
        { key: 'poc', number: '2', title: { en: 'Points of contact' }, elements: [], items: [{ key: 'poc-directory', number: '2 (a)', title: { en: 'The directory' }, elements: [] }] },
      ],
    };
    const { user } = renderPage(`/ar/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['stakeholder'], organisation: { id: ORG, name: organisation.name } }))
        .on('GET', '/api/v1/organisations/:id', organisation)
        .on('GET', '/api/v1/meetings', meetings)
        .on('GET', '/api/v1/meetings/:id', { ...meetingPage, agenda: arabic })
        .on('GET', '/api/v1/groups', groups);
    });
    await waitFor(() => expect(document.querySelector(`option[value="${MEETING}"]`)).not.toBeNull(), { timeout: 5000 });
    // The meeting's title, English only, is marked as well.
    const meetingOption = document.querySelector<HTMLOptionElement>(`option[value="${MEETING}"]`)!;
    expect(meetingOption.getAttribute('lang')).toBe('en');
    expect(meetingOption.hasAttribute('data-fallback')).toBe(true);
    await user.selectOptions(meetingOption.closest('select')!, MEETING);
    await waitFor(() => expect(document.querySelector('option[value="poc-directory"]')).not.toBeNull());
    const own = document.querySelector<HTMLOptionElement>('option[value="opening"]')!;
    expect(own.textContent).toBe('\u20661\u2069 الافتتاح');
    expect(own.hasAttribute('lang')).toBe(false);
    expect(own.hasAttribute('data-fallback')).toBe(false);
    const english = document.querySelector<HTMLOptionElement>('option[value="poc-directory"]')!;
    expect(english.getAttribute('lang')).toBe('en');
    expect(english.hasAttribute('data-fallback')).toBe(true);
    // The number and the English title each isolated, then "(in English)" in Arabic.
    expect(english.textContent).toBe('\u20662 (a)\u2069 \u2066The directory\u2069 (بالإنكليزية)');
  });

  it('goes to a working group that admits stakeholders instead, and links to its page', async () => {
    const { user, api } = page();
    await user.click(await screen.findByRole('radio', { name: 'A working group' }));
    expect(screen.queryAllByLabelText(/^Meeting/)).toHaveLength(1); // the request to speak's, not the input's
    const group = await screen.findByLabelText(/^Working group/);
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Working group on ICT security' }).length).toBe(1));
    expect(screen.queryAllByRole('option', { name: 'States-only group' })).toHaveLength(0);
    expect(screen.queryAllByRole('option', { name: 'Former group' })).toHaveLength(0);
    await user.selectOptions(group, GROUP);
    await user.click(screen.getByLabelText(/^Title/));
    await user.paste('On the programme of work');
    await user.click(screen.getByLabelText(/^Text of the input/));
    await user.paste('Three proposals.');
    await user.click(screen.getByRole('button', { name: 'Submit and publish' }));
    await screen.findByText("Your written input is published on the working group's page.");
    expect(screen.getByRole('link', { name: "See the working group's page" }).getAttribute('href')).toBe(`/en/groups/${GROUP}`);
    expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)[0]!.body).toEqual({ groupId: GROUP, title: 'On the programme of work', language: 'en', text: 'Three proposals.' });
  });
});

describe('the stakeholder section of a meeting page', () => {
  it('shows the written inputs, each in its language, and who asked to speak', async () => {
    renderPage(`/en/meetings/${MEETING}`, [{ path: 'meetings/:id', element: <StakeholderInputs meetingId={MEETING} /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me(null))
        .on('GET', '/api/v1/meetings/:id/stakeholder-inputs', { items: [{ ...input({ title: 'Contribution sur les points de contact', language: 'fr', text: 'Le Forum propose…' }) }, { ...input({ title: 'Paper', language: 'en' }), id: 'w2', pdf: { name: 'paper.pdf', url: '/api/v1/stakeholder-inputs/w2/pdf' } }] })
        .on('GET', '/api/v1/meetings/:id', meetingPage)
        .on('GET', '/api/v1/meetings/:id/speaking-requests', { items: [{ id: 's1', organisation: { id: ORG, name: organisation.name }, speaker: 'Priya Raman', agendaItem: null, requestedAt: '2027-01-02T10:00:00.000Z' }] });
    });
    const heading = await screen.findByRole('heading', { name: 'Contribution sur les points de contact' });
    expect(heading.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('link', { name: 'Download the PDF: paper.pdf' }).getAttribute('href')).toBe('/api/v1/stakeholder-inputs/w2/pdf');
    const speakers = await screen.findByTestId('stakeholder-speakers');
    expect(speakers.textContent).toContain('Priya Raman, for');
    // The speaker's and the organisation's own names, isolated and never translated, on a page in any language.
    expect(screen.getByText('Priya Raman').closest('[data-verbatim="name"]')).not.toBeNull();
    expect(screen.getAllByText(organisation.name).every((n) => n.closest('[data-verbatim="name"]'))).toBe(true);
  });

  it('shows the number of the agenda item an input concerns', async () => {
    renderPage(`/en/meetings/${MEETING}`, [{ path: 'meetings/:id', element: <StakeholderInputs meetingId={MEETING} /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me(null))
        .on('GET', '/api/v1/meetings/:id', meetingPage)
        .on('GET', '/api/v1/meetings/:id/stakeholder-inputs', { items: [{ ...input({ title: 'On the directory', language: 'en', text: 'Keep it current.' }), agendaItem: 'poc-directory' }] })
        .on('GET', '/api/v1/meetings/:id/speaking-requests', { items: [] });
    });
    await screen.findByRole('heading', { name: 'On the directory' });
    await screen.findByText('On agenda item 2 (a)');
  });
});

describe('the stakeholder section of a working group page', () => {
  it("shows the group's written inputs, and no speakers' list", async () => {
    const { api } = renderPage(`/en/groups/${GROUP}`, [{ path: 'groups/:id', element: <StakeholderInputs groupId={GROUP} /> }], (fake) => {
      fake.on('GET', '/api/v1/me', me(null)).on('GET', '/api/v1/groups/:id/stakeholder-inputs', { items: [{ ...input({ title: 'Три предложения', language: 'ru', text: 'Текст.' }), meetingId: null, groupId: GROUP }] });
    });
    const heading = await screen.findByRole('heading', { name: 'Три предложения' });
    expect(heading.getAttribute('lang')).toBe('ru');
    expect(screen.getByRole('heading', { name: 'Stakeholders: written inputs' })).toBeTruthy();
    expect(api.sentTo('GET', `/api/v1/meetings/${GROUP}/speaking-requests`)).toHaveLength(0);
  });
});
