import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import AcknowledgePage from '../../src/features/contacts/AcknowledgePage';
import { renderPage } from './app';
import { json, problem } from './fake-api';

const TOKEN = 'A'.repeat(43);
const routes = [{ path: 'contacts/acknowledge/:token', element: <AcknowledgePage /> }];

describe('the acknowledgement link of a reachability check', () => {
  // The language's strings load first: on a busy machine that takes more than the default second.
  it('acknowledges only when the person presses the button, not when the link is opened', async () => {
    const { user, api } = renderPage(`/en/contacts/acknowledge/${TOKEN}`, routes, (a) => {
      a.on('GET', '/api/v1/me', { account: null, csrfToken: 'csrf' });
      a.on('POST', '/api/v1/contact-acknowledgements/:token', () => json({ acknowledgedAt: '2026-01-01T00:00:00.000Z' }));
    });
    const button = await screen.findByRole('button', { name: 'I received the message' }, { timeout: 15_000 });
    expect(api.sentTo('POST', `/api/v1/contact-acknowledgements/${TOKEN}`)).toEqual([]);
    await user.click(button);
    expect(await screen.findByText('Your acknowledgement is recorded. Nothing else is needed.')).toBeTruthy();
    // The button has given way to the message: the focus is on it (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="acknowledgement"]')));
    expect(api.sentTo('POST', `/api/v1/contact-acknowledgements/${TOKEN}`)).toHaveLength(1);
  });

  it('tells, in Russian, that a link already used was already recorded', async () => {
    const { user } = renderPage(`/ru/contacts/acknowledge/${TOKEN}`, routes, (a) => {
      a.on('GET', '/api/v1/me', { account: null, csrfToken: 'csrf' });
      a.on('POST', '/api/v1/contact-acknowledgements/:token', () => problem(410, 'already-acknowledged', 'Already acknowledged'));
    });
    await user.click(await screen.findByRole('button', { name: 'Я получил(а) сообщение' }, { timeout: 15_000 }));
    expect(await screen.findByText('Это подтверждение уже было записано. Больше ничего делать не нужно.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('acknowledgement-refused')));
  });
});
