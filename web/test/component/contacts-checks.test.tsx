import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import ChecksPage from '../../src/features/contacts/ChecksPage';
import CheckPage from '../../src/features/contacts/CheckPage';
import ReadsPage from '../../src/features/contacts/ReadsPage';
import { me, renderPage } from './app';
import { json, problem } from './fake-api';

const routes = [
  { path: 'contacts/checks', element: <ChecksPage /> },
  { path: 'contacts/checks/:id', element: <CheckPage /> },
  { path: 'contacts/reads', element: <ReadsPage /> },
];
const tally = (h1: number, h24: number, h72: number, never: number) => ({ '1h': h1, '24h': h24, '72h': h72, never, total: h1 + h24 + h72 + never });
const state = (iso3: string, m49: string, names: Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>) => ({ iso3, m49, status: 'member', regionalGroup: null, names });
const STATES = {
  items: [
    state('CHL', '152', { ar: 'شيلي', zh: '智利', en: 'Chile', fr: 'Chili', ru: 'Чили', es: 'Chile' }),
    state('KEN', '404', { ar: 'كينيا', zh: '肯尼亚', en: 'Kenya', fr: 'Kenya', ru: 'Кения', es: 'Kenya' }),
  ],
  total: 2,
};
const CHECKS = [
  { id: 'c2', scope: { kind: 'group', group: 'AG' }, createdAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-08T00:00:00.000Z', completed: false, tally: tally(1, 0, 0, 1) },
  { id: 'c1', scope: { kind: 'all' }, createdAt: '2026-02-01T00:00:00.000Z', expiresAt: '2026-02-08T00:00:00.000Z', completed: true, tally: tally(5, 1, 1, 1) },
];

describe('reachability checks', () => {
  it('the Secretariat schedules a check of some States and lands on its results', async () => {
    const { user, api, path } = renderPage('/en/contacts/checks', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['secretariat'] }));
      a.on('GET', '/api/v1/contacts/checks', { items: CHECKS, can: { schedule: true } });
      a.on('POST', '/api/v1/contacts/checks', (request) =>
        request.body.scope.kind === 'states' && !request.body.scope.states.every((s: string) => /^[A-Z]{3}$/.test(s))
          ? problem(400, 'validation', 'Invalid input.', [{ field: 'body.scope.states.0', message: 'an ISO 3166-1 alpha-3 code' }])
          : json({ id: 'c3', targets: 4 }, { status: 201 }),
      );
    });
    await user.click(await screen.findByRole('combobox', { name: 'Who is checked' }, { timeout: 15_000 }));
    await user.click(await screen.findByRole('option', { name: 'Some States' }));
    // A code that is none: the server's refusal is said beside the field, in the page's language.
    const states = screen.getByRole('textbox', { name: /^States/ });
    await user.type(states, 'ke');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    expect(await screen.findByText(/Check the codes: each has three letters/)).toBeTruthy();
    await user.clear(states);
    await user.type(states, 'ken, fra');
    const remind = screen.getByRole('textbox', { name: 'Reminder after (hours)' });
    await user.clear(remind);
    await user.type(remind, '12');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    await expect.poll(path).toBe('/en/contacts/checks/c3');
    expect(api.sentTo('POST', '/api/v1/contacts/checks')[1]!.body).toEqual({ scope: { kind: 'states', states: ['KEN', 'FRA'] }, remindAfterHours: 12, escalateAfterHours: 48 });
  });

  it('shows trends as a chart with the same numbers in a table, and no form to a State', async () => {
    renderPage('/en/contacts/checks', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' }));
      a.on('GET', '/api/v1/contacts/checks', { items: CHECKS, can: { schedule: false } });
    });
    const chart = await screen.findByRole('img', { name: /Stacked columns/ }, { timeout: 15_000 });
    // One column per check, each stacked from its buckets that are not empty.
    expect(chart.querySelectorAll('rect')).toHaveLength(4 + 2);
    const table = screen.getByRole('table', { name: 'Results of each check, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Regional group: African Group', '1', '0', '0', '1', '2'],
      ['All points of contact', '5', '1', '1', '1', '8'],
    ]);
    expect(screen.queryByRole('button', { name: 'Start the check' })).toBeNull();
  });

  it('one check’s results per State, per regional group and per point of contact', async () => {
    renderPage('/en/contacts/checks/c1', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['secretariat'] }));
      a.on('GET', '/api/v1/states', STATES);
      a.on('GET', '/api/v1/contacts/checks/:id', {
        ...CHECKS[1],
        buckets: ['1h', '24h', '72h', 'never'],
        byState: [
          { key: 'CHL', tally: tally(2, 0, 0, 0) },
          { key: 'KEN', tally: tally(0, 1, 0, 1) },
        ],
        byGroup: [
          { key: 'AG', tally: tally(0, 1, 0, 1) },
          { key: 'GRULAC', tally: tally(2, 0, 0, 0) },
        ],
        targets: [
          { pocId: 'p1', state: 'KEN', role: 'technical', sentAt: '2026-02-01T00:00:00.000Z', remindedAt: null, escalatedAt: null, answeredAt: '2026-02-01T05:00:00.000Z', responseMinutes: 300, bucket: '24h' },
          { pocId: 'p2', state: 'KEN', role: 'diplomatic', sentAt: '2026-02-01T00:00:00.000Z', remindedAt: null, escalatedAt: null, answeredAt: null, responseMinutes: null, bucket: 'never' },
        ],
      });
    });
    const byState = await screen.findByRole('table', { name: 'Answers by State' }, { timeout: 15_000 });
    // Each State by its name in the page's language, from the States' reference, ordered by it.
    expect((await within(byState).findByRole('rowheader', { name: 'Kenya' })).parentElement!.textContent).toContain('0101');
    expect(within(byState).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Chile', 'Kenya']);
    expect(screen.getAllByRole('rowheader', { name: /technical|diplomatic/ }).map((h) => h.textContent)).toEqual(['Kenya · technical', 'Kenya · diplomatic']);
    expect(within(screen.getByRole('table', { name: 'Answers by regional group' })).getByRole('rowheader', { name: 'Latin American and Caribbean Group' })).toBeTruthy();
    expect(screen.getByText('Within 24 hours (300 minutes)')).toBeTruthy();
    expect(screen.getByText('7 of 8 points of contact answered')).toBeTruthy();
  });

  it('orders the States by their names in the page’s language; a State the reference lacks keeps its code', async () => {
    renderPage('/ru/contacts/checks/c1', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['secretariat'] }));
      a.on('GET', '/api/v1/states', STATES);
      a.on('GET', '/api/v1/contacts/checks/:id', {
        ...CHECKS[1],
        buckets: ['1h', '24h', '72h', 'never'],
        byState: [
          { key: 'CHL', tally: tally(2, 0, 0, 0) },
          { key: 'KEN', tally: tally(0, 1, 0, 1) },
          { key: 'ZZZ', tally: tally(0, 0, 0, 1) },
        ],
        byGroup: [],
        targets: [],
      });
    });
    const byState = await screen.findByRole('table', { name: /государств/i }, { timeout: 15_000 });
    await within(byState).findByRole('rowheader', { name: 'Кения' });
    expect(within(byState).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Кения', 'Чили', 'ZZZ']);
  });
});

describe('the read log', () => {
  it('tells a State who read its entries, and when', async () => {
    renderPage('/en/contacts/reads', routes, (a) => {
      a.on('GET', '/api/v1/me', me({ roles: ['focal_point'], state: 'KEN' }));
      a.on('GET', '/api/v1/states', STATES);
      a.on('GET', '/api/v1/contacts/reads', {
        items: [{ pocId: 'p1', pocState: 'KEN', pocName: 'Brian Mwangi', pocRole: 'technical', readerName: 'Camila Rojas', readerState: 'CHL', readerRole: 'focal_point', at: '2026-03-01T10:00:00.000Z' }],
      });
    });
    expect(await screen.findByText('Camila Rojas', {}, { timeout: 15_000 })).toBeTruthy();
    expect(await screen.findByText('Chile · National focal point')).toBeTruthy();
    expect(screen.getByText('Kenya · technical')).toBeTruthy();
    expect(screen.getByText('Brian Mwangi')).toBeTruthy();
    expect(screen.getByText('1 reading')).toBeTruthy();
  });
});
