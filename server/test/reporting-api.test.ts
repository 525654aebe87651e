import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { like } from 'drizzle-orm';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { jobHandlers } from '../src/jobs.js';
import { openCycle } from '../src/modules/reporting/index.js';
import { organisations } from '../src/modules/stakeholders/tables.js';

let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chlFp: Client;
let chlA: Client;
let chlB: Client;
let argFp: Client;
let fraDelegate: Client;
let stakeholder: Client;
const anon = () => new Client(p.app);
const future = (days: number) => DateTime.utc().plus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'ICT4Peace', kind: 'ngo', accreditation: 'accredited' });
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chlFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  chlA = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  chlB = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  argFp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  fraDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'FRA' }));
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
});
afterAll(() => p.close());

/** A recommendation implementing a norm, adopted the real way: a draft and a silence procedure. */
async function adoptRecommendation(norm: string, title: string): Promise<string> {
  const draft = await chair.post('/api/v1/drafts', { title, body: 'plenary', kind: 'recommendation', implementsCodes: [norm], paragraphs: [{ kind: 'operative', text: `${title}.` }] });
  const local = DateTime.utc().plus({ seconds: 2 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  await chair.post(`/api/v1/drafts/${draft.body.id}/silence-procedures`, { deadlineLocal: local, zone: 'UTC' });
  await new Promise((r) => setTimeout(r, 2200));
  while (await runOneJob(p.ctx.database.db, jobHandlers(p.ctx)));
  const outcomes = (await anon().get('/api/v1/outcomes')).body.items as { symbol: string; title: string }[];
  const symbol = outcomes.find((o) => o.title === title)!.symbol;
  return `rec-${symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

let cycleId: string;
let reportId: string;
let recBefore: string;

describe('a reporting cycle', () => {
  it('is opened by the Secretariat only, with a questionnaire built from the framework and the recommendations adopted by then', async () => {
    recBefore = await adoptRecommendation('norm-13c', 'Recommendation on due diligence');
    const body = { title: 'First reporting cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: future(30), zone: 'Europe/Zurich' };
    expect((await chlFp.post('/api/v1/reporting/cycles', body)).status).toBe(403);
    expect((await secretariat.post('/api/v1/reporting/cycles', { ...body, periodEnd: '2025-01-01' })).body.errors[0].field).toBe('body.periodEnd');
    const res = await secretariat.post('/api/v1/reporting/cycles', body);
    expect(res.status).toBe(201);
    cycleId = res.body.id;
    const cycle = (await anon().get(`/api/v1/reporting/cycles/${cycleId}`)).body;
    const keys = cycle.questionnaire.sections.map((s: { key: string }) => s.key);
    expect(keys[0]).toBe('international-law');
    expect(keys).toContain('norm:norm-13a');
    expect(keys).toContain('cbm:global-cbm-1');
    expect(keys.slice(-2)).toEqual(['capacity-building', 'contacts']);
    const n13c = cycle.questionnaire.sections.find((s: { key: string }) => s.key === 'norm:norm-13c');
    expect(n13c.recommendations.map((r: { code: string }) => r.code)).toEqual([recBefore]);
  });

  it('keeps its questionnaire: a recommendation adopted after the opening is not in it', async () => {
    const recAfter = await adoptRecommendation('norm-13c', 'Recommendation on notification');
    const cycle = (await anon().get(`/api/v1/reporting/cycles/${cycleId}`)).body;
    const n13c = cycle.questionnaire.sections.find((s: { key: string }) => s.key === 'norm:norm-13c');
    expect(n13c.recommendations.map((r: { code: string }) => r.code)).not.toContain(recAfter);
    expect(n13c.recommendations).toHaveLength(1);
  });
});

describe('drafting a report', () => {
  it('is done by the State’s own people; nobody starts one for another State', async () => {
    expect((await stakeholder.post(`/api/v1/reporting/cycles/${cycleId}/reports`, {})).status).toBe(403);
    const res = await chlA.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'public' });
    expect(res.status).toBe(201);
    reportId = res.body.id;
    expect((await chlB.post(`/api/v1/reporting/cycles/${cycleId}/reports`, {})).status).toBe(409);
    expect((await chlA.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { fromPrevious: true })).status).toBe(409);
    const other = await fraDelegate.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13a`, { answer: { status: 'planned' } }, { 'if-match': '"0"' });
    expect(other.status).toBe(404);
  });

  it('never lets two people overwrite each other: the second save gets 412 with the first one’s version', async () => {
    const a = await chlA.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13a`, { answer: { status: 'implemented', measures: 'National strategy 2024.' } }, { 'if-match': '"0"' });
    expect(a.status).toBe(200);
    const b = await chlB.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13a`, { answer: { status: 'planned' } }, { 'if-match': '"0"' });
    expect(b.status).toBe(412);
    expect(b.body.currentVersion).toBe(1);
    expect(b.body.current.answer.measures).toBe('National strategy 2024.');
    const b2 = await chlB.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13a`, { answer: { status: 'implemented', measures: 'National strategy 2024; CSIRT law.' } }, { 'if-match': '"1"' });
    expect(b2.status).toBe(200);
    const report = (await chlA.get(`/api/v1/reporting/reports/${reportId}`)).body;
    expect(report.history.filter((h: { key: string }) => h.key === 'norm:norm-13a').map((h: { version: number }) => h.version)).toEqual([1, 2]);
    expect(new Set(report.history.map((h: { editedBy: string }) => h.editedBy)).size).toBe(2);
    // who changed what: names and the fields each version changed, kept by the response schema
    const edits = report.history.filter((h: { key: string }) => h.key === 'norm:norm-13a');
    expect(edits[0].changed).toEqual(['status', 'measures']);
    expect(edits[1].changed).toEqual(['measures']);
    expect(edits.every((h: { editedByName: string }) => h.editedByName.length > 0)).toBe(true);
    const section = report.draft.find((s: { key: string }) => s.key === 'norm:norm-13a');
    expect(section).toMatchObject({ version: 2, visibility: null, effectiveVisibility: 'public', updatedByName: edits[1].editedByName });
    expect(report.can).toEqual({ edit: true, submit: false });
    // the list of cycles tells the State's people where their report stands
    const list = (await chlA.get('/api/v1/reporting/cycles')).body;
    expect(list.items.find((c: { id: string }) => c.id === cycleId)).toMatchObject({ status: 'open', deadlineZone: 'Europe/Zurich', myReport: { id: reportId, submissions: 0, lastSubmittedAt: null } });
    expect(list.can).toEqual({ openCycle: false, startReport: true });
    const publicList = (await anon().get('/api/v1/reporting/cycles')).body;
    expect(publicList.items.find((c: { id: string }) => c.id === cycleId).myReport).toBeNull();
    expect(publicList.can).toEqual({ openCycle: false, startReport: false });
    expect((await secretariat.get('/api/v1/reporting/cycles')).body.can.openCycle).toBe(true);
  });

  it('refuses unknown sections and answers that are not in the questionnaire’s shape', async () => {
    expect((await chlA.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-99z`, { answer: {} }, { 'if-match': '"0"' })).status).toBe(404);
    const bad = await chlA.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13b`, { answer: { status: 'done' } }, { 'if-match': '"0"' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.answer.status');
  });
});

describe('submission and visibility', () => {
  it('is for the focal point alone, and gives a receipt; a corrected version keeps the first', async () => {
    await chlA.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13b`, { answer: { status: 'in-progress', challenges: 'Attribution capacity.' }, visibility: 'states' }, { 'if-match': '"0"' });
    await chlA.put(
      `/api/v1/reporting/reports/${reportId}/sections/cbm:global-cbm-1`,
      { answer: { status: 'not-started', needs: [{ description: 'Training for the national PoC', codes: ['global-cbm-1'] }] }, visibility: 'secretariat' },
      { 'if-match': '"0"' },
    );
    expect((await chlA.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(403);
    expect((await argFp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(404);
    const first = await chlFp.post(`/api/v1/reporting/reports/${reportId}/submissions`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await chlA.put(`/api/v1/reporting/reports/${reportId}/sections/international-law`, { answer: { status: 'implemented' } }, { 'if-match': '"0"' });
    const second = await chlFp.post(`/api/v1/reporting/reports/${reportId}/submissions`);
    expect(second.body.number).toBe(2);
    expect(second.body.contentHash).not.toBe(first.body.contentHash);
    const report = (await chlFp.get(`/api/v1/reporting/reports/${reportId}`)).body;
    expect(report.submissions.map((s: { number: number }) => s.number)).toEqual([1, 2]);
  });

  const keysSeenBy = async (c: Client) => {
    const res = await c.get(`/api/v1/reporting/reports/${reportId}`);
    return res.status === 200 ? res.body.latest.sections.map((s: { key: string }) => s.key).sort() : res.status;
  };

  it('shows each viewer exactly what they may see', async () => {
    expect(await keysSeenBy(anon())).toEqual(['international-law', 'norm:norm-13a']);
    expect(await keysSeenBy(stakeholder)).toEqual(['international-law', 'norm:norm-13a']);
    expect(await keysSeenBy(argFp)).toEqual(['international-law', 'norm:norm-13a', 'norm:norm-13b']);
    expect(await keysSeenBy(secretariat)).toEqual(['cbm:global-cbm-1', 'international-law', 'norm:norm-13a', 'norm:norm-13b']);
    expect(await keysSeenBy(chlA)).toEqual(['cbm:global-cbm-1', 'international-law', 'norm:norm-13a', 'norm:norm-13b']);
    const publicView = await anon().get(`/api/v1/reporting/reports/${reportId}`);
    expect(publicView.body.draft).toBeNull();
    expect(publicView.body.history).toBeNull();
    expect(publicView.body.visibility).toBeNull();
    expect(JSON.stringify(publicView.body)).not.toMatch(/Attribution capacity|Training for the national PoC/);
    const own = (await chlFp.get(`/api/v1/reporting/reports/${reportId}`)).body;
    expect(own.latest.sections.find((s: { key: string }) => s.key === 'norm:norm-13b')).toMatchObject({ visibility: 'states', answer: { status: 'in-progress', challenges: 'Attribution capacity.' } });
    expect(own.can).toEqual({ edit: true, submit: true });
  });

  it('exports a report as JSON with only what the viewer may see', async () => {
    const pub = await anon().get(`/api/v1/reporting/reports/${reportId}/export`);
    expect(pub.status).toBe(200);
    expect(pub.headers['content-disposition']).toMatch(/attachment; filename="poa-report-CHL-2026-01-01-2026-12-31.json"/);
    expect(pub.body.submission.sections.map((s: { key: string }) => s.key).sort()).toEqual(['international-law', 'norm:norm-13a']);
    expect(pub.body.submissions).toHaveLength(2);
    expect(JSON.stringify(pub.body)).not.toMatch(/Attribution capacity|Training for the national PoC|draft|history/);
    const states = await argFp.get(`/api/v1/reporting/reports/${reportId}/export`);
    expect(JSON.stringify(states.body)).toMatch(/Attribution capacity/);
    expect(JSON.stringify(states.body)).not.toMatch(/Training for the national PoC/);
    const sec = await secretariat.get(`/api/v1/reporting/reports/${reportId}/export`);
    expect(JSON.stringify(sec.body)).toMatch(/Training for the national PoC/);
  });

  it('keeps what is not public out of statistics and exports', async () => {
    const pub = (await anon().get(`/api/v1/reporting/cycles/${cycleId}/analysis`)).body;
    expect(pub.norms.find((n: { key: string }) => n.key === 'norm:norm-13b').answered).toBe(0);
    expect(pub.cbms.find((n: { key: string }) => n.key === 'cbm:global-cbm-1').answered).toBe(0);
    expect(pub.needs.needs).toBe(0);
    expect(pub.participation.reported).toBe(1);
    expect(pub.can).toEqual({ exportSummary: false });
    expect((await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/analysis`)).body.can).toEqual({ exportSummary: true });
    const statesAnswer = await argFp.get(`/api/v1/reporting/cycles/${cycleId}/analysis`);
    // A State's view holds what only States may see: no browser or proxy may keep it.
    expect(statesAnswer.headers['cache-control']).toBe('private, no-store');
    const states = statesAnswer.body;
    expect(states.norms.find((n: { key: string }) => n.key === 'norm:norm-13b')).toMatchObject({ answered: 1, statesReportingChallenges: 1 });
    expect(states.needs.needs).toBe(0);
    const sec = (await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/analysis`)).body;
    expect(sec.needs.byElement).toEqual([{ code: 'global-cbm-1', states: 1 }]);
    expect(sec.participation.byGroup.find((g: { group: string }) => g.group === 'GRULAC')).toEqual({ group: 'GRULAC', states: 33, reported: 1 });

    const csv = await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/export?format=csv`);
    expect(csv.text).not.toMatch(/Attribution capacity|Training for the national PoC/);
    const full = await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/export?scope=secretariat`);
    expect(JSON.stringify(full.body)).toMatch(/Training for the national PoC/);
    expect((await anon().get(`/api/v1/reporting/cycles/${cycleId}/export?scope=secretariat`)).status).toBe(400);
    const compare = `/api/v1/reporting/cycles/${cycleId}/compare?states=CHL,ARG`;
    const cmp = (await anon().get(compare)).body;
    expect(JSON.stringify(cmp)).not.toMatch(/Attribution capacity/);
    // Kept per kind of reader, as the analysis: a State's view after the public's, then the public's again.
    const statesCompare = await argFp.get(compare);
    expect(statesCompare.headers['cache-control']).toBe('private, no-store');
    expect(JSON.stringify(statesCompare.body)).toMatch(/Attribution capacity/);
    expect(JSON.stringify(statesCompare.body)).not.toMatch(/Training for the national PoC/);
    expect(JSON.stringify((await secretariat.get(compare)).body)).toMatch(/Training for the national PoC/);
    expect(JSON.stringify((await anon().get(compare)).body)).not.toMatch(/Attribution capacity|Training for the national PoC/);
    expect(JSON.stringify((await stakeholder.get(compare)).body)).not.toMatch(/Attribution capacity|Training for the national PoC/);
  });

  it('hides a report open to the Secretariat only from everyone else, even its existence', async () => {
    // Each kind of reader's analysis is kept until the submissions change (read now, so it is kept).
    const analysis = `/api/v1/reporting/cycles/${cycleId}/analysis`;
    for (const c of [chlFp, argFp, secretariat]) expect((await c.get(analysis)).body.participation.reported).toBe(1);
    const r = await argFp.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'secretariat' });
    await argFp.put(`/api/v1/reporting/reports/${r.body.id}/sections/norm:norm-13a`, { answer: { status: 'planned' } }, { 'if-match': '"0"' });
    await argFp.post(`/api/v1/reporting/reports/${r.body.id}/submissions`);
    for (const c of [anon(), stakeholder, chlFp]) {
      const res = await c.get(`/api/v1/reporting/reports/${r.body.id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/ARG/);
      expect((await c.get(`/api/v1/reporting/reports/${r.body.id}/export`)).status).toBe(404);
    }
    expect((await secretariat.get(`/api/v1/reporting/reports/${r.body.id}`)).status).toBe(200);
    expect((await anon().get(`/api/v1/reporting/cycles/${cycleId}/analysis`)).body.participation.reported).toBe(1);
    expect((await secretariat.get(`/api/v1/reporting/cycles/${cycleId}/analysis`)).body.participation.reported).toBe(2);
    // Argentina sees its own report; another State (Chile) does not: what is kept is kept per reader.
    expect((await argFp.get(analysis)).body.participation.reported).toBe(2);
    expect((await chlFp.get(analysis)).body.participation.reported).toBe(1);
    expect((await chlFp.get(analysis)).body.can).toEqual({ exportSummary: false });
  });
});

describe('the next cycle', () => {
  it('lets a State start from its previous report, section by section', async () => {
    const next = await secretariat.post('/api/v1/reporting/cycles', { title: 'Second cycle', periodStart: '2027-01-01', periodEnd: '2027-12-31', deadlineLocal: future(60), zone: 'America/New_York' });
    expect((await chlFp.get('/api/v1/reporting/cycles')).body.hasPreviousReport).toBe(true);
    expect((await fraDelegate.get('/api/v1/reporting/cycles')).body.hasPreviousReport).toBe(false);
    const res = await chlFp.post(`/api/v1/reporting/cycles/${next.body.id}/reports`, { fromPrevious: true });
    expect(res.status).toBe(201);
    expect(res.body.carriedSections).toBe(4);
    const report = (await chlFp.get(`/api/v1/reporting/reports/${res.body.id}`)).body;
    expect(report.draft.find((s: { key: string }) => s.key === 'norm:norm-13a').answer.measures).toBe('National strategy 2024; CSIRT law.');
    expect(report.draft.find((s: { key: string }) => s.key === 'cbm:global-cbm-1').effectiveVisibility).toBe('secretariat');
    expect(report.basedOn).toBe(reportId);
    const none = await fraDelegate.post(`/api/v1/reporting/cycles/${next.body.id}/reports`, { fromPrevious: true });
    expect(none.status).toBe(409);
  });

  it('reminds the focal points of States that have not submitted, once per reminder', async () => {
    const before = (await p.outbox()).filter((m) => /^Reminder/.test(m.subject)).length;
    const clock = () => new Date(Date.now() + 59 * 86_400_000);
    while (await runOneJob(p.ctx.database.db, jobHandlers(p.ctx), clock));
    while (await runOneJob(p.ctx.database.db, jobHandlers(p.ctx), clock));
    const reminders = (await p.outbox()).filter((m) => /^Reminder/.test(m.subject)).slice(before);
    // first cycle: CHL and ARG submitted, nobody else has a focal point; second cycle: neither submitted, two reminders each
    const second = reminders.filter((m) => /Second cycle/.test(m.subject));
    expect(second.length).toBe(4);
    expect(reminders.filter((m) => /First reporting cycle/.test(m.subject))).toHaveLength(0);
  });

  it('reminds nobody of a deadline already past (a cycle recorded after the fact)', async () => {
    const before = (await p.outbox()).length;
    const secretariatActor = { accountId: randomUUID(), sessionId: randomUUID(), name: 'Secretariat', roles: ['secretariat'] as const, state: null, organisation: null };
    const past = await openCycle(p.ctx, {
      actor: secretariatActor,
      title: 'A cycle of the past',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      deadlineLocal: DateTime.now().setZone('Europe/Zurich').minus({ days: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
      zone: 'Europe/Zurich',
      openedAt: DateTime.now().minus({ months: 12 }).toJSDate(),
    });
    // Its reminders were all due before now: none is queued, and running the queue sends nothing for it.
    const queued = await p.ctx.database.db.select().from(jobs).where(like(jobs.key, `%:${past.id}:%`));
    expect(queued).toEqual([]);
    while (await runOneJob(p.ctx.database.db, jobHandlers(p.ctx)));
    expect((await p.outbox()).slice(before).filter((m) => m.text.includes('A cycle of the past'))).toEqual([]);
    const cycle = (await secretariat.get(`/api/v1/reporting/cycles/${past.id}`)).body;
    expect(cycle.status).toBe('closed');
  });
});
