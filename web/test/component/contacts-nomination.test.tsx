import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import ChangePocPage from '../../src/features/contacts/ChangePocPage';
import WithdrawPocPage from '../../src/features/contacts/WithdrawPocPage';
import HistoryPage from '../../src/features/contacts/HistoryPage';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';

const ID = '7a1c0e6a-0000-4000-8000-000000000001';
const routes = [
  { path: 'contacts/pocs/:id/change', element: <ChangePocPage /> },
  { path: 'contacts/pocs/:id/withdraw', element: <WithdrawPocPage /> },
  { path: 'contacts/pocs/:id/history', element: <HistoryPage /> },
];
const POC = {
  id: ID,
  state: 'KEN',
  role: 'technical',
  name: 'Brian Mwangi',
  title: 'Duty lead',
  organisation: 'KE-CIRT',
  email: 'brian@example.org',
  phone: '+254 20 000 0001',
  otherChannels: [{ kind: 'Signal', value: '+254 7 00' }],
  languages: ['en', 'sw'],
  timeZone: 'Africa/Nairobi',
  workingHours: { days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' },
  inWorkingHoursNow: true,
  hasAccount: true,
  transmission: null,
  version: 1,
  nominatedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  can: { change: true, history: true },
};

/** The API's side of a POC: changes with If-Match and a code, 412 when the version is not the one held. */
function server(a: FakeApi, held = { poc: { ...POC } }) {
  a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' }));
  a.on('GET', '/api/v1/contacts/pocs/:id', () => json(held.poc, { headers: { etag: `"${held.poc.version}"` } }));
  const guarded = (change: (body: Record<string, unknown>) => Response) => (request: { headers: Headers; body: Record<string, unknown> }) => {
    if (request.headers.get('if-match') !== `"${held.poc.version}"`) return problem(412, 'precondition-failed', 'The nomination changed meanwhile: reload it.');
    if (request.body.otp !== '123456') return problem(400, 'validation', 'The code is not right.', [{ field: 'body.otp', message: 'not right' }]);
    return change(request.body);
  };
  a.on(
    'PUT',
    '/api/v1/contacts/pocs/:id',
    guarded(() => {
      held.poc = { ...held.poc, version: held.poc.version + 1 };
      return json({ id: ID, version: held.poc.version, status: 'current' });
    }),
  );
  a.on('POST', '/api/v1/contacts/pocs/:id/withdrawal', guarded(() => json({ id: ID, version: held.poc.version + 1, status: 'withdrawn' })));
  a.on('GET', '/api/v1/contacts/pocs/:id/history', {
    items: [
      {
        version: 1,
        change: 'nominate',
        record: { ...POC, role: 'technical' },
        transmission: { version: 1, filename: 'NV-2026-01.pdf', size: 1234, url: `/api/v1/contacts/pocs/${ID}/versions/1/transmission` },
        byAccount: 'x',
        at: '2026-01-01T00:00:00.000Z',
      },
      { version: 2, change: 'withdraw', record: { reason: 'Left the CIRT' }, transmission: null, byAccount: 'x', at: '2026-02-01T00:00:00.000Z' },
    ],
  });
  return held;
}

describe('changing and withdrawing a nomination', () => {
  it('sends the change on the version it opened, with the code; a wrong code is said beside its field', async () => {
    const { user, api, path } = renderPage(`/en/contacts/pocs/${ID}/change`, routes, (a) => void server(a));
    const phone = await screen.findByRole('textbox', { name: /Telephone/ }, { timeout: 15_000 });
    expect((phone as HTMLInputElement).value).toBe('+254 20 000 0001');
    await user.clear(phone);
    await user.type(phone, '+254 20 999 9999');
    await user.type(screen.getByRole('textbox', { name: /Code from your authenticator app/ }), '000000');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    expect(await screen.findByText('not right')).toBeTruthy();
    const code = screen.getByRole('textbox', { name: /Code from your authenticator app/ });
    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    await expect.poll(path).toBe(`/en/contacts/pocs/${ID}/history`);
    const puts = api.sentTo('PUT', `/api/v1/contacts/pocs/${ID}`);
    expect(puts.map((p) => p.headers.get('if-match'))).toEqual(['"1"', '"1"']);
    // The fields as typed, the channels it had kept, no role (a role is never changed).
    expect(puts[1]!.body).toMatchObject({ phone: '+254 20 999 9999', otp: '123456', languages: ['en', 'sw'], otherChannels: POC.otherChannels, workingHours: POC.workingHours });
    expect(puts[1]!.body.role).toBeUndefined();
    expect(puts[1]!.body.transmission).toBeUndefined();
  });

  it('sends an official transmission chosen with the change as a PDF in base64; refuses one too large before sending', async () => {
    const { user, api, path, container } = renderPage(`/en/contacts/pocs/${ID}/change`, routes, (a) => void server(a));
    await screen.findByRole('textbox', { name: /Telephone/ }, { timeout: 15_000 });
    const input = () => container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input(), new File([new Uint8Array(800 * 1024)], 'big.pdf', { type: 'application/pdf' }));
    await user.type(screen.getByRole('textbox', { name: /Code from your authenticator app/ }), '123456');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    expect(await screen.findByText('The file is larger than 700 KB.')).toBeTruthy();
    expect(api.sentTo('PUT', `/api/v1/contacts/pocs/${ID}`)).toEqual([]);
    await user.upload(input(), new File(['%PDF-1.4 note verbale'], 'NV-2026-02.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    await expect.poll(path).toBe(`/en/contacts/pocs/${ID}/history`);
    expect(api.sentTo('PUT', `/api/v1/contacts/pocs/${ID}`)[0]!.body.transmission).toEqual({ name: 'NV-2026-02.pdf', base64: Buffer.from('%PDF-1.4 note verbale').toString('base64') });
  });

  it('when someone changed it meanwhile, shows their version and saves the next change on it', async () => {
    let held: { poc: typeof POC } | undefined;
    const { user, api } = renderPage(`/en/contacts/pocs/${ID}/change`, routes, (a) => {
      held = server(a);
    });
    await screen.findByRole('textbox', { name: /Telephone/ }, { timeout: 15_000 });
    held!.poc = { ...held!.poc, version: 2, phone: '+254 20 222 2222' };
    await user.type(screen.getByRole('textbox', { name: /Code from your authenticator app/ }), '123456');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    expect(await screen.findByText('Someone changed this nomination meanwhile')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start again from this version' }));
    expect((screen.getByRole('textbox', { name: /Telephone/ }) as HTMLInputElement).value).toBe('+254 20 222 2222');
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    await expect.poll(() => api.sentTo('PUT', `/api/v1/contacts/pocs/${ID}`).map((p) => p.headers.get('if-match'))).toEqual(['"1"', '"2"']);
  });

  it('withdraws with the reason and the code, on the version shown, then goes back to the directory', async () => {
    const { user, api, path } = renderPage(`/en/contacts/pocs/${ID}/withdraw`, routes, (a) => void server(a));
    // The focal point is told what the withdrawal does to the POC's account.
    expect(await screen.findByText(/the account made for it loses access/, {}, { timeout: 15_000 })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Left the CIRT');
    await user.type(screen.getByRole('textbox', { name: /Code from your authenticator app/ }), '123456');
    await user.click(screen.getByRole('button', { name: 'Withdraw the nomination' }));
    await expect.poll(path).toBe('/en/contacts');
    const sent = api.sentTo('POST', `/api/v1/contacts/pocs/${ID}/withdrawal`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('if-match')).toBe('"1"');
    expect(sent[0]!.body).toEqual({ otp: '123456', reason: 'Left the CIRT' });
  });

  it('offers no form when the API says the caller may not change the nomination', async () => {
    renderPage(`/en/contacts/pocs/${ID}/withdraw`, routes, (a) => {
      server(a, { poc: { ...POC, can: { change: false, history: true } } });
    });
    expect(await screen.findByText(/Only the focal point of this point of contact/, {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Withdraw the nomination' })).toBeNull();
  });

  it('shows the history newest first, in Russian, with the reason of the withdrawal', async () => {
    renderPage(`/ru/contacts/pocs/${ID}/history`, routes, (a) => void server(a));
    // The reason as the focal point wrote it (in English here): isolated and marked inside the Russian sentence.
    const reason = await screen.findByText('Left the CIRT', {}, { timeout: 15_000 });
    expect(reason.closest('p')?.textContent).toMatch(/^Причина: Left the CIRT/);
    expect(reason.getAttribute('lang')).toBe('');
    const badges = screen.getAllByText(/^(Назначено|Изменено|Отозвано)$/).map((b) => b.textContent);
    expect(badges).toEqual(['Отозвано', 'Назначено']);
    // The note verbale that came with the first version, to download.
    expect(screen.getByRole('link', { name: 'Официальное сообщение версии 1 (PDF)' }).getAttribute('href')).toBe(`/api/v1/contacts/pocs/${ID}/versions/1/transmission`);
  });
});
