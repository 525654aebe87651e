import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import ApplicationPage from '../../src/features/stakeholders/ApplicationPage';
import BatchesPage from '../../src/features/stakeholders/BatchesPage';
import { me, renderPage } from './app';
import { json } from './fake-api';

const APP = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const BATCH = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const none = { object: false, requestInformation: false, markComplete: false, circulate: false };

const application = (overrides: Record<string, unknown> = {}) => ({
  id: APP,
  status: 'submitted',
  organisation: { id: 'o1', name: 'Institut des réseaux', names: { fr: 'Institut des réseaux' }, kind: 'academia', headquarters: null, website: null, ecosoc: null },
  language: 'fr',
  purpose: 'Recherche.',
  relevantWork: 'Publications.',
  submittedAt: '2026-12-01T10:00:00.000Z',
  batchId: null,
  period: null,
  contact: { name: 'Secrétariat de l’Institut', email: 'contact@institut.example.org' },
  representatives: [{ name: 'Représentante', email: 'rep@institut.example.org' }],
  steps: [{ kind: 'submitted', note: null, at: '2026-12-01T10:00:00.000Z' }],
  objections: { count: 0, namedStates: [], bases: [] },
  ownObjection: null,
  can: none,
  ...overrides,
});

describe('the Secretariat', () => {
  it('asks for more information, then the application can no longer be marked complete', async () => {
    let current = application({ can: { ...none, requestInformation: true, markComplete: true } });
    const { user, api } = renderPage(`/en/accreditation/applications/${APP}`, [{ path: 'accreditation/applications/:id', element: <ApplicationPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/stakeholder-applications/:id', () => json(current))
        .on('POST', '/api/v1/stakeholder-applications/:id/information-requests', () => {
          current = application({ status: 'information-requested', can: { ...none, requestInformation: true } });
          return json({ status: 'information-requested' });
        });
    });
    await user.click(await screen.findByLabelText(/^Ask for more information/));
    await user.paste('Who funds the Institute?');
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark complete' })).toBeNull());
    // The focus is on the application's new status (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-testid="application-status"] [data-status="information-requested"]')));
    expect(api.sentTo('POST', `/api/v1/stakeholder-applications/${APP}/information-requests`)[0]!.body).toEqual({ question: 'Who funds the Institute?' });
    screen.getByText('contact@institut.example.org', { exact: false });
  });

  it('circulates the chosen complete applications, with the zone and one end for all, and goes to the batch', async () => {
    const complete = application({ status: 'complete', can: { ...none, circulate: true } });
    const { user, api, path } = renderPage('/en/accreditation/batches', [{ path: 'accreditation/batches', element: <BatchesPage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/stakeholder-applications', { items: [complete, application({ id: 'other', can: none })], can: { circulate: true } })
        .on('GET', '/api/v1/stakeholder-batches', { items: [] })
        .on('POST', '/api/v1/stakeholder-batches', () => json({ id: BATCH, number: 4, periods: [] }, { status: 201 }));
    });
    const choice = await screen.findByLabelText('Institut des réseaux');
    // Only an application the API says may be circulated is offered.
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    expect((screen.getByRole('button', { name: /^Circulate/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(choice);
    await user.selectOptions(screen.getByLabelText(/^Time zone/), 'Europe/Zurich');
    await user.click(screen.getByLabelText(/^One end for every application/));
    await user.paste('2027-03-15T18:00');
    await user.click(screen.getByRole('button', { name: 'Circulate 1 application' }));
    await waitFor(() => expect(path()).toBe(`/en/accreditation/batches/${BATCH}`));
    expect(api.sentTo('POST', '/api/v1/stakeholder-batches')[0]!.body).toEqual({ applicationIds: [APP], zone: 'Europe/Zurich', endTime: '18:00', periodEndLocal: '2027-03-15T18:00' });
  });
});
