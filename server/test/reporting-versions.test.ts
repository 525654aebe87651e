import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { parseCsv } from './support/csv.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { standingVisibility } from '../src/modules/reporting/questionnaire.js';

describe('the visibilities that stand for an earlier version', () => {
  const v = (visibility: 'public' | 'states' | 'secretariat', sections: [string, 'public' | 'states' | 'secretariat'][]) => ({
    visibility,
    sections: sections.map(([key, vis]) => ({ key, visibility: vis })),
  });

  it('keeps a version as it was submitted when nothing came after it', () => {
    const only = v('public', [['a', 'public'], ['b', 'states']]);
    expect(standingVisibility(only, [])).toEqual(only);
  });

  it('narrows a section a later version closed, and never widens one a later version opened', () => {
    const first = v('public', [['a', 'public'], ['b', 'states'], ['c', 'public']]);
    const second = v('public', [['a', 'public'], ['b', 'public'], ['c', 'secretariat']]);
    expect(standingVisibility(first, [second]).sections).toEqual([
      { key: 'a', visibility: 'public' },
      { key: 'b', visibility: 'states' },
      { key: 'c', visibility: 'secretariat' },
    ]);
  });

  it('takes the narrowest of every later version, and the report’s visibility when a later version lacks the section', () => {
    const first = v('public', [['a', 'public'], ['x', 'public']]);
    const second = v('public', [['a', 'states']]);
    const third = v('public', [['a', 'public']]);
    expect(standingVisibility(first, [second, third]).sections.find((s) => s.key === 'a')!.visibility).toBe('states');
    const closed = v('secretariat', [['a', 'secretariat']]);
    const standing = standingVisibility(first, [closed]);
    expect(standing.visibility).toBe('secretariat');
    expect(standing.sections.map((s) => s.visibility)).toEqual(['secretariat', 'secretariat']);
  });

  it('keeps the other fields of the version', () => {
    const version = { number: 1, contentHash: 'h', ...v('public', [['a', 'public']]) };
    expect(standingVisibility(version, [v('states', [])])).toMatchObject({ number: 1, contentHash: 'h', visibility: 'states' });
  });
});

let p: TestPlatform;
let secretariat: Client;
let chlFp: Client;
let argFp: Client;
let fraDelegate: Client;
let stakeholder: Client;
const anon = () => new Client(p.app);
const future = (days: number) => DateTime.utc().plus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");

let cycleId: string;
let reportId: string;
let receipts: { number: number; contentHash: string }[];

const LAW_V1 = 'Position on international law, first version.';
const LAW_V2 = 'Position on international law, corrected.';
const STATES_ONLY = 'Due diligence measures shared with States only.';
const CONTACTS = 'Duty officer reachable on the national switchboard.';

async function save(who: Client, report: string, key: string, body: { answer: object; visibility?: string | null }) {
  const current = (await who.get(`/api/v1/reporting/reports/${report}`)).body.draft.find((d: { key: string }) => d.key === key)?.version ?? 0;
  const res = await who.put(`/api/v1/reporting/reports/${report}/sections/${key}`, body, { 'if-match': `"${current}"` });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'ICT4Peace', kind: 'ngo', accreditation: 'accredited' });
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chlFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  argFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  fraDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'FRA' }));
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
  const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'Cycle with corrections', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: future(30), zone: 'UTC' });
  cycleId = cycle.body.id;

  // Version 1: a public report with a States-only section, and national contacts left public.
  reportId = (await chlFp.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'public' })).body.id;
  await save(chlFp, reportId, 'international-law', { answer: { status: 'implemented', measures: LAW_V1 } });
  await save(chlFp, reportId, 'norm:norm-13c', { answer: { status: 'in-progress', measures: STATES_ONLY }, visibility: 'states' });
  await save(chlFp, reportId, 'contacts', { answer: { contacts: CONTACTS } });
  expect((await chlFp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(201);
  // Version 2 corrects the position and closes the contacts to the Secretariat.
  await save(chlFp, reportId, 'international-law', { answer: { status: 'implemented', measures: LAW_V2 } });
  await save(chlFp, reportId, 'contacts', { answer: { contacts: CONTACTS }, visibility: 'secretariat' });
  expect((await chlFp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(201);
  receipts = (await chlFp.get(`/api/v1/reporting/reports/${reportId}`)).body.submissions;
});
afterAll(() => p.close());

const version = (c: Client, n: number) => c.get(`/api/v1/reporting/reports/${reportId}/submissions/${n}`);
const keys = (body: { sections: { key: string }[] }) => body.sections.map((s) => s.key).sort();

describe('an earlier submitted version', () => {
  it('is opened with its receipt and what superseded it', async () => {
    const res = await version(anon(), 1);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toMatchObject({ id: reportId, cycleId, state: 'CHL', number: 1, contentHash: receipts[0]!.contentHash, supersededBy: { number: 2 } });
    expect(res.body.sections.find((s: { key: string }) => s.key === 'international-law').answer.measures).toBe(LAW_V1);
    const latest = (await version(anon(), 2)).body;
    expect(latest).toMatchObject({ number: 2, contentHash: receipts[1]!.contentHash, supersededBy: null });
    expect(latest.sections.find((s: { key: string }) => s.key === 'international-law').answer.measures).toBe(LAW_V2);
  });

  it('shows the public and stakeholders no section that is not public, nor one a later version closed', async () => {
    for (const c of [anon(), stakeholder]) {
      const res = await version(c, 1);
      expect(keys(res.body)).toEqual(['international-law']);
      expect(res.text).not.toContain(STATES_ONLY);
      expect(res.text).not.toContain(CONTACTS);
    }
  });

  it('shows another State the States-only section, but not what was closed to the Secretariat later', async () => {
    for (const c of [argFp, fraDelegate]) {
      const res = await version(c, 1);
      expect(keys(res.body)).toEqual(['international-law', 'norm:norm-13c']);
      expect(res.text).not.toContain(CONTACTS);
    }
  });

  it('shows the State and the Secretariat everything, each section with who may read it now', async () => {
    for (const c of [chlFp, secretariat]) {
      const res = await version(c, 1);
      expect(keys(res.body)).toEqual(['contacts', 'international-law', 'norm:norm-13c']);
      expect(res.body.sections.find((s: { key: string }) => s.key === 'contacts').visibility).toBe('secretariat');
    }
  });

  it('is not found when it does not exist, and refuses what is not a version number', async () => {
    for (const c of [anon(), chlFp]) expect((await version(c, 3)).status).toBe(404);
    expect((await anon().get(`/api/v1/reporting/reports/${reportId}/submissions/first`)).status).toBe(400);
    expect((await anon().get(`/api/v1/reporting/reports/${randomUUID()}/submissions/1`)).status).toBe(404);
  });

  it('is exported as JSON with the same cut, and only what the export needs', async () => {
    const pub = await anon().get(`/api/v1/reporting/reports/${reportId}/export?version=1`);
    expect(pub.status).toBe(200);
    expect(pub.headers['content-disposition']).toBe('attachment; filename="poa-report-CHL-2026-01-01-2026-12-31-v1.json"');
    expect(pub.body.submission).toMatchObject({ number: 1, contentHash: receipts[0]!.contentHash, supersededBy: { number: 2 } });
    expect(keys(pub.body.submission)).toEqual(['international-law']);
    expect(pub.text).not.toContain(STATES_ONLY);
    expect(pub.text).not.toContain(CONTACTS);
    expect(pub.text).toContain(LAW_V1);
    expect(pub.body.submissions.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    const latest = (await anon().get(`/api/v1/reporting/reports/${reportId}/export`)).body;
    expect(latest.submission.number).toBe(2);
    expect(JSON.stringify(latest)).toContain(LAW_V2);
    // The State's own export is the submitted report: no draft, no history, no questionnaire.
    const own = await chlFp.get(`/api/v1/reporting/reports/${reportId}/export?version=1`);
    expect(Object.keys(own.body).sort()).toEqual(['cycle', 'id', 'state', 'submission', 'submissions']);
    expect(Object.keys(own.body.cycle).sort()).toEqual(['id', 'periodEnd', 'periodStart', 'title']);
    expect(own.text).toContain(CONTACTS);
    expect((await anon().get(`/api/v1/reporting/reports/${reportId}/export?version=3`)).status).toBe(404);
  });

  it('leaves no field of an answer out of the cycle’s CSV: a column per field, as named in the JSON', async () => {
    const csv = await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/export?format=csv&scope=secretariat`);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual(['state', 'submission', 'section', 'status', 'measures', 'challenges', 'needs', 'noChangeSinceLastReport', 'contacts']);
    expect(rows.find((r) => r[0] === 'CHL' && r[1] === '2' && r[2] === 'contacts')).toEqual(['CHL', '2', 'contacts', '', '', '', '', '', CONTACTS]);
    expect(rows.find((r) => r[0] === 'CHL' && r[1] === '2' && r[2] === 'international-law')).toEqual(['CHL', '2', 'international-law', 'implemented', LAW_V2, '', '', '', '']);
    // The published CSV holds what the public sees of the latest versions: not the contacts closed by version 2.
    const published = await anon().get(`/api/v1/reporting/cycles/${cycleId}/export?format=csv`);
    expect(published.text).toContain(LAW_V2);
    expect(published.text).not.toContain(CONTACTS);
  });

  it('never shows more widely than it was submitted, even when a later version opens a section', async () => {
    const r = (await argFp.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'public' })).body.id;
    await save(argFp, r, 'international-law', { answer: { status: 'planned' } });
    await save(argFp, r, 'norm:norm-13a', { answer: { measures: 'Kept to States at first.' }, visibility: 'states' });
    await argFp.post(`/api/v1/reporting/reports/${r}/submissions`);
    await save(argFp, r, 'norm:norm-13a', { answer: { measures: 'Now public.' }, visibility: null });
    await argFp.post(`/api/v1/reporting/reports/${r}/submissions`);
    const first = await anon().get(`/api/v1/reporting/reports/${r}/submissions/1`);
    expect(keys(first.body)).toEqual(['international-law']);
    expect(first.text).not.toContain('Kept to States at first.');
    expect(keys((await anon().get(`/api/v1/reporting/reports/${r}/submissions/2`)).body)).toEqual(['international-law', 'norm:norm-13a']);
  });

  it('of a report later closed to the Secretariat is not found by anyone else, through the page or the export', async () => {
    const next = (await secretariat.post('/api/v1/reporting/cycles', { title: 'Another cycle', periodStart: '2027-01-01', periodEnd: '2027-12-31', deadlineLocal: future(60), zone: 'UTC' })).body.id;
    const r = (await argFp.post(`/api/v1/reporting/cycles/${next}/reports`, { visibility: 'public' })).body.id;
    await save(argFp, r, 'international-law', { answer: { status: 'planned', measures: 'Public at first, then closed.' } });
    await argFp.post(`/api/v1/reporting/reports/${r}/submissions`);
    expect((await anon().get(`/api/v1/reporting/reports/${r}/submissions/1`)).status).toBe(200);
    expect((await argFp.patch(`/api/v1/reporting/reports/${r}`, { visibility: 'secretariat' })).status).toBe(204);
    await argFp.post(`/api/v1/reporting/reports/${r}/submissions`);
    for (const c of [anon(), stakeholder, chlFp]) {
      for (const url of [`/api/v1/reporting/reports/${r}/submissions/1`, `/api/v1/reporting/reports/${r}/export?version=1`, `/api/v1/reporting/reports/${r}/submissions/9`]) {
        const res = await c.get(url);
        expect(res.status, url).toBe(404);
        expect(res.text).not.toContain('Public at first');
        // The same answer as for a report that does not exist: nothing tells its existence.
        expect(res.body.detail ?? res.body.title).toBe((await c.get(`/api/v1/reporting/reports/${randomUUID()}/submissions/1`)).body.detail ?? res.body.title);
      }
    }
    expect((await secretariat.get(`/api/v1/reporting/reports/${r}/submissions/1`)).body.sections[0].visibility).toBe('secretariat');
  });

  it('does not exist before the first submission: the State learns so from its export, others learn nothing', async () => {
    const next = (await secretariat.post('/api/v1/reporting/cycles', { title: 'A third cycle', periodStart: '2028-01-01', periodEnd: '2028-12-31', deadlineLocal: future(90), zone: 'UTC' })).body.id;
    const r = (await chlFp.post(`/api/v1/reporting/cycles/${next}/reports`, { visibility: 'public' })).body.id;
    await save(chlFp, r, 'international-law', { answer: { measures: 'Only a draft.' } });
    const own = await chlFp.get(`/api/v1/reporting/reports/${r}/export`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ submissions: [], submission: null });
    expect(own.text).not.toContain('Only a draft.');
    expect((await chlFp.get(`/api/v1/reporting/reports/${r}/submissions/1`)).status).toBe(404);
    for (const c of [anon(), argFp]) {
      expect((await c.get(`/api/v1/reporting/reports/${r}/export`)).status).toBe(404);
      expect((await c.get(`/api/v1/reporting/reports/${r}/submissions/1`)).status).toBe(404);
    }
  });
});
