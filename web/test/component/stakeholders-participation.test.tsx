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
const input = (body: Record<string, unknown>) => ({ id: 'w1', organisation: { id: ORG, name: organisation.name }, meetingId: MEETING, agendaItem: null, groupId: null, title: body.title, language: body.language, text: body.text ?? null, pdf: null, submittedAt: '2027-01-02T10:00:00.000Z' });

function page() {
  return renderPage(`/en/accreditation/organisations/${ORG}`, [{ path: 'accreditation/organisations/:id', element: <OrganisationPage /> }], (api) => {
    api
      .on('GET', '/api/v1/me', me({ roles: ['stakeholder'], organisation: { id: ORG, name: organisation.name } }))
      .on('GET', '/api/v1/organisations/:id', organisation)
      .on('GET', '/api/v1/meetings', meetings)
      .on('POST', '/api/v1/organisations/:id/written-inputs', (request) => json(input(request.body), { status: 201 }));
  });
}

describe('a representative of an accredited organisation', () => {
  it('submits a written input as text to a meeting open to stakeholders', async () => {
    const { user, api } = page();
    const meeting = (await screen.findAllByLabelText(/^Meeting/))[0]!;
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Annual meeting 2027/ }).length).toBeGreaterThan(0));
    expect(screen.queryAllByRole('option', { name: /States-only consultation/ })).toHaveLength(0);
    await user.selectOptions(meeting, MEETING);
    await user.click(screen.getByLabelText(/^Title/));
    await user.paste('On the points of contact');
    await user.click(screen.getByLabelText(/^Text of the input/));
    await user.paste('The Forum offers its portal.');
    await user.click(screen.getByRole('button', { name: 'Submit and publish' }));
    await screen.findByText("Your written input is published on the meeting's page.");
    expect(api.sentTo('POST', `/api/v1/organisations/${ORG}/written-inputs`)[0]!.body).toEqual({ meetingId: MEETING, title: 'On the points of contact', language: 'en', text: 'The Forum offers its portal.' });
  });

  it('submits a PDF instead: its name and bytes, no text', async () => {
    const { user, api, container } = page();
    const meeting = (await screen.findAllByLabelText(/^Meeting/))[0]!;
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

describe('the stakeholder section of a meeting page', () => {
  it('shows the written inputs, each in its language, and who asked to speak', async () => {
    renderPage(`/en/meetings/${MEETING}`, [{ path: 'meetings/:id', element: <StakeholderInputs meetingId={MEETING} /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me(null))
        .on('GET', '/api/v1/meetings/:id/stakeholder-inputs', { items: [{ ...input({ title: 'Contribution sur les points de contact', language: 'fr', text: 'Le Forum propose…' }) }, { ...input({ title: 'Paper', language: 'en' }), id: 'w2', pdf: { name: 'paper.pdf', url: '/api/v1/stakeholder-inputs/w2/pdf' } }] })
        .on('GET', '/api/v1/meetings/:id/speaking-requests', { items: [{ id: 's1', organisation: { id: ORG, name: organisation.name }, speaker: 'Priya Raman', agendaItem: null, requestedAt: '2027-01-02T10:00:00.000Z' }] });
    });
    const heading = await screen.findByRole('heading', { name: 'Contribution sur les points de contact' });
    expect(heading.getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('link', { name: 'Download the PDF: paper.pdf' }).getAttribute('href')).toBe('/api/v1/stakeholder-inputs/w2/pdf');
    await screen.findByText('Priya Raman, for');
  });
});
