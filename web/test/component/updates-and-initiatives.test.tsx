import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import SignUpPage from '../../src/features/updates/SignUpPage';
import UnsubscribePage from '../../src/features/updates/UnsubscribePage';
import InitiativePage from '../../src/features/initiatives/InitiativePage';
import EditPage from '../../src/features/initiatives/EditPage';
import { me, renderPage } from './app';
import { json, problem } from './fake-api';

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
    // The form has given way to the message: the focus is on it (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="subscription"]')));
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
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="unsubscribed"]')));
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
      version: 1,
      can: { publish: true, decline: true, edit: true },
    };
    let held = initiative;
    const { user, api } = renderPage(`/en/initiatives/${INITIATIVE_ID}`, [{ path: 'initiatives/:id', element: <InitiativePage /> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/initiatives/:id', () => json(held))
        .on('POST', '/api/v1/initiatives/:id/decline', (request) => {
          held = { ...initiative, status: 'declined', declineReason: request.body.reason, can: { publish: false, decline: false, edit: true } };
          return json(held);
        });
    });
    await screen.findByText('The Secretariat has not reviewed this proposal yet; only you and the Secretariat can see it.');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.type(screen.getByLabelText(/Reason/), 'Outside the scope of the PoA.');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(api.sentTo('POST', `/api/v1/initiatives/${INITIATIVE_ID}/decline`)).toHaveLength(1));
    expect(api.sentTo('POST', `/api/v1/initiatives/${INITIATIVE_ID}/decline`)[0]!.body).toEqual({ reason: 'Outside the scope of the PoA.' });
    // The buttons have gone with the review: the focus is on the message that says what was done (#17 item 5).
    await screen.findByText('The Secretariat declined this proposal: Outside the scope of the PoA.');
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="review"]')));
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
  });
});

describe('editing a published initiative', () => {
  const published = {
    id: INITIATIVE_ID,
    name: { en: 'OSCE confidence-building measures' },
    owner: { en: 'Organization for Security and Co-operation in Europe' },
    kind: 'regional-cbms',
    summary: { en: 'Sixteen CBMs adopted in 2013 and 2016.' },
    elements: ['global-cbm-5'],
    states: ['FRA'],
    contact: null,
    links: [{ label: 'OSCE CBMs', url: 'https://www.osce.org/cbms' }],
    status: 'published',
    declineReason: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    decidedAt: '2026-12-02T10:00:00.000Z',
    version: 3,
    can: { publish: false, decline: false, edit: true },
  };

  it('the Secretariat saves on the version it opened; when someone saved first, their version is named and the next save is made on it', async () => {
    let saves = 0;
    const { user, api } = renderPage(`/en/initiatives/${INITIATIVE_ID}/edit`, [{ path: 'initiatives/:id/edit', element: <EditPage /> }, { path: 'initiatives/:id', element: <p>saved page</p> }], (api) => {
      api
        .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
        .on('GET', '/api/v1/initiatives/:id', () => json(saves === 0 ? published : { ...published, name: { en: 'OSCE CBMs (their title)' }, version: 4 }))
        .on('PUT', '/api/v1/initiatives/:id', (request) => {
          saves += 1;
          if (saves === 1) return problem(412, 'precondition-failed', 'The initiative changed after you read it.');
          return json({ ...published, ...request.body, version: 5 });
        });
    });
    await screen.findByText(/your changes appear on its page/);
    const name = screen.getByLabelText(/Name in English/);
    await user.clear(name);
    await user.type(name, 'OSCE cyber/ICT confidence-building measures');
    await user.type(screen.getByLabelText(/Web addresses/), '{End}{Enter}https://www.osce.org/secretariat/cyber');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('OSCE CBMs (their title)');
    const [first] = api.sentTo('PUT', `/api/v1/initiatives/${INITIATIVE_ID}`);
    expect(first!.headers.get('if-match')).toBe('"3"');
    expect(first!.body).toEqual({
      name: { en: 'OSCE cyber/ICT confidence-building measures' },
      owner: { en: 'Organization for Security and Co-operation in Europe' },
      kind: 'regional-cbms',
      summary: { en: 'Sixteen CBMs adopted in 2013 and 2016.' },
      elements: ['global-cbm-5'],
      states: ['FRA'],
      contact: null,
      // The address it had keeps its label; the new one is labelled by itself.
      links: [
        { label: 'OSCE CBMs', url: 'https://www.osce.org/cbms' },
        { label: 'https://www.osce.org/secretariat/cyber', url: 'https://www.osce.org/secretariat/cyber' },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('saved page');
    expect(api.sentTo('PUT', `/api/v1/initiatives/${INITIATIVE_ID}`)[1]!.headers.get('if-match')).toBe('"4"');
  });

  it('the page says so when the caller may not edit it, and offers no form', async () => {
    renderPage(`/en/initiatives/${INITIATIVE_ID}/edit`, [{ path: 'initiatives/:id/edit', element: <EditPage /> }], (api) => {
      api.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'FRA' })).on('GET', '/api/v1/initiatives/:id', { ...published, can: { publish: false, decline: false, edit: false } });
    });
    await screen.findByText('You cannot edit this initiative.');
    expect(screen.queryByRole('button', { name: 'Save the changes' })).toBeNull();
  });
});
