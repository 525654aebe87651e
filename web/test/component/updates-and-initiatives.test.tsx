import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import SignUpPage from '../../src/features/updates/SignUpPage';
import UnsubscribePage from '../../src/features/updates/UnsubscribePage';
import InitiativePage from '../../src/features/initiatives/InitiativePage';
import { me, renderPage } from './app';
import { json } from './fake-api';

const ANSWER = { message: 'If the address can receive mail, a confirmation link is on its way. Nothing is sent until it is used.' };
const INITIATIVE_ID = '5f0c7c1e-1d2b-4b43-9a55-2f6f3b0a0001';

describe('email updates', () => {
  it('signs up with an address, a language and topics, and says only to check the mailbox', async () => {
    const { user, api } = renderPage('/es/updates', [{ path: 'updates', element: <SignUpPage /> }], (api) => {
      api.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/updates/subscriptions', () => json(ANSWER, { status: 202 }));
    });
    await user.type(await screen.findByLabelText(/Correo electrónico/), 'ana@example.org');
    await user.click(screen.getByLabelText('Informes nacionales'));
    await user.click(screen.getByRole('button', { name: 'Suscribirse' }));
    await screen.findByText('Revise su buzón');
    const [sent] = api.sentTo('POST', '/api/v1/updates/subscriptions');
    expect(sent!.body).toEqual({ email: 'ana@example.org', language: 'es', topics: ['meetings', 'documents', 'outcomes'] });
    expect(api.unanswered).toEqual([]);
  });

  it('unsubscribes with one button, by the token of the link', async () => {
    const token = 'a'.repeat(43);
    const { user, api } = renderPage(`/en/updates/unsubscribe/${token}`, [{ path: 'updates/unsubscribe/:token', element: <UnsubscribePage /> }], (api) => {
      api.on('GET', '/api/v1/me', me(null)).on('POST', '/api/v1/updates/unsubscribe/:token', { message: 'You will receive no more email updates.' });
    });
    await user.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    await screen.findByText('You will receive no more email updates. Your address has been deleted.');
    expect(api.sentTo('POST', `/api/v1/updates/unsubscribe/${token}`)).toHaveLength(1);
  });
});

describe('an initiative under review', () => {
  it('the Secretariat declines it with a reason', async () => {
    const initiative = {
      id: INITIATIVE_ID,
      name: { en: 'Paris Call for Trust and Security in Cyberspace' },
      owner: { en: 'Paris Call' },
      kind: 'other',
      summary: null,
      elements: [],
      states: ['FRA'],
      contact: null,
      links: [],
      status: 'proposed',
      declineReason: null,
      createdAt: '2026-12-01T10:00:00.000Z',
      decidedAt: null,
      can: { publish: true, decline: true },
    };
    const { user, api } = renderPage(`/en/initiatives/${INITIATIVE_ID}`, [{ path: 'initiatives/:id', element: <InitiativePage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/initiatives/:id', initiative)
        .on('POST', '/api/v1/initiatives/:id/decline', (request) => json({ ...initiative, status: 'declined', declineReason: request.body.reason, can: { publish: false, decline: false } }));
    });
    await screen.findByText('The Secretariat has not reviewed this proposal yet; only you and the Secretariat can see it.');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.type(screen.getByLabelText(/Reason/), 'Outside the scope of the PoA.');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/initiatives/${INITIATIVE_ID}/decline`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/initiatives/${INITIATIVE_ID}/decline`)[0]!.body).toEqual({ reason: 'Outside the scope of the PoA.' });
  });
});
