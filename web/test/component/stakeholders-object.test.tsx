import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import BatchPage from '../../src/features/stakeholders/BatchPage';
import { me, renderPage } from './app';
import { json } from './fake-api';

const BATCH = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const APP = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const application = (overrides: Record<string, unknown> = {}) => ({
  id: APP,
  status: 'circulated',
  organisation: { id: 'o1', name: 'Red Andina', names: { es: 'Red Andina', en: 'Andean Network' }, kind: 'ngo', headquarters: 'CHL', website: 'https://red.example.org', ecosoc: null },
  language: 'es',
  purpose: 'p',
  relevantWork: 'w',
  submittedAt: '2026-12-01T10:00:00.000Z',
  batchId: BATCH,
  period: { endsAt: '2099-12-15T23:00:00.000Z', zone: 'America/New_York', endLocal: '2099-12-15T18:00-05:00' },
  contact: null,
  representatives: null,
  steps: null,
  objections: { count: 0, namedStates: [], bases: [] },
  ownObjection: null,
  can: { object: true, requestInformation: false, markComplete: false, circulate: false },
  ...overrides,
});

function batchPage() {
  let current = application();
  const rendered = renderPage(`/en/accreditation/batches/${BATCH}`, [{ path: 'accreditation/batches/:id', element: <BatchPage /> }], (api) => {
    api
      .on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'ARG' }))
      .on('GET', '/api/v1/stakeholder-batches/:id', () => json({ id: BATCH, number: 3, circulatedAt: '2026-12-01T12:00:00.000Z', zone: 'America/New_York', applications: [current] }))
      .on('POST', '/api/v1/stakeholder-applications/:id/objections', (request) => {
        current = application({ ownObjection: { basis: request.body.basis ?? null, nameShared: request.body.nameShared }, can: { object: false, requestInformation: false, markComplete: false, circulate: false } });
        return json({ id: 'x', basis: request.body.basis ?? null, nameShared: request.body.nameShared }, { status: 201 });
      });
  });
  return rendered;
}

describe('a focal point objects to an application in a batch', () => {
  it('shows the period’s end in the stated zone, and objects with a general basis, the State agreeing to be named', async () => {
    const { user, api } = batchPage();
    await screen.findByText(/The non-objection period ends on .*December 15, 2099.*18:00.*America\/New_York/);
    await user.click(screen.getByRole('button', { name: 'Object to Andean Network' }));
    expect(screen.queryByLabelText(/^General basis/)).toBeNull();
    await user.click(screen.getByLabelText('With a general basis, shared with the organisation'));
    await user.type(screen.getByLabelText(/^General basis/), 'Outside the scope of the PoA.');
    await user.click(screen.getByLabelText('My State agrees to be named to the organisation and in the record'));
    await user.click(screen.getByRole('button', { name: 'Object for my State' }));
    await screen.findByText('Basis shared: Outside the scope of the PoA.');
    screen.getByText('Your State agreed to be named.');
    // The focus is on the objection as recorded, in place of the form (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('own-objection')));
    expect(api.sentTo('POST', `/api/v1/stakeholder-applications/${APP}/objections`)[0]!.body).toEqual({ basis: 'Outside the scope of the PoA.', nameShared: true });
    expect(api.unanswered).toEqual([]);
  });

  it('objects privately: no basis sent, the name not shared', async () => {
    const { user, api } = batchPage();
    await user.click(await screen.findByRole('button', { name: 'Object to Andean Network' }));
    await user.click(screen.getByRole('button', { name: 'Object for my State' }));
    await screen.findByText('No basis given.');
    screen.getByText('Your State is not named.');
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/stakeholder-applications/${APP}/objections`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/stakeholder-applications/${APP}/objections`)[0]!.body).toEqual({ nameShared: false });
  });
});
