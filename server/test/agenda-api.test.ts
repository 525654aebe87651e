import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { issueDocument } from '../src/modules/documents/index.js';

/**
 * "My PoA": each role's own list of what needs it, ranked by deadline, each item read with its
 * module's own rules: a State never sees another's report, only the Secretariat confirms
 * registrations, only the chair decides on proposals.
 */
let p: TestPlatform;
let secretariat: Client;
let chair: Client;
let chl: Client;
let arg: Client;
let secretariatId: string;
let meetingA: string;
let meetingB: string;
let cycleId: string;
let chlReport: string;
let draftId: string;
let silenceDraftId: string;
let amendmentId: string;
let proposalId: string;
let sectionsTotal: number;

const etag = (res: { headers: Record<string, unknown> }) => res.headers.etag as string;
/** A wall-clock time `days` from now in a zone, as forms give it. */
const inDays = (days: number, zone = 'America/New_York') => DateTime.now().setZone(zone).plus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");
type Item = { key: string; kind: string; action: string; link: string; deadline: { at: string; zone: string } | null; title: { en: string }; detail: Record<string, unknown> };
const agenda = async (c: Client): Promise<Item[]> => {
  const res = await c.get('/api/v1/me/agenda');
  expect(res.status).toBe(200);
  return res.body.items;
};

beforeAll(async () => {
  p = await testPlatform();
  const sec = await makeAccount(p.ctx, p.app, { role: 'secretariat' });
  secretariatId = sec.id;
  secretariat = await signedIn(p.app, sec);
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  arg = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));

  // Meeting A: registration open until in ten days; meeting B: in session, for a proposal to adopt.
  const a = await secretariat.post('/api/v1/meetings', meetingBody({ startsAt: inDays(20), endsAt: inDays(22), registrationDeadline: inDays(10) }));
  meetingA = a.body.id;
  expect((await secretariat.post(`/api/v1/meetings/${meetingA}/status`, { status: 'registration-open' }, { 'if-match': etag(a) })).status).toBe(200);
  const reg = await chl.request('PUT', `/api/v1/meetings/${meetingA}/registrations/states/CHL`, { contactEmail: 'mission@example.org', participants: [{ role: 'head', name: 'Head CHL', title: 'Ambassador' }] });
  expect(reg.status).toBe(200);
  const b = await secretariat.post('/api/v1/meetings', meetingBody({ sessionNumber: 2, startsAt: inDays(5), endsAt: inDays(6), registrationDeadline: inDays(4) }));
  meetingB = b.body.id;
  const bOpen = await secretariat.post(`/api/v1/meetings/${meetingB}/status`, { status: 'registration-open' }, { 'if-match': etag(b) });
  expect((await secretariat.post(`/api/v1/meetings/${meetingB}/status`, { status: 'in-session' }, { 'if-match': etag(bOpen) })).status).toBe(200);
  await issueDocument(p.ctx.database.db, { actor: { accountId: secretariatId, sessionId: 's', name: 'Secretariat', roles: ['secretariat'], state: null, organisation: null }, symbolPattern: p.ctx.config.documentSymbolPattern, meetingId: meetingA, type: 'working-paper', title: { en: 'Working paper on points of contact' } });

  // A reporting cycle, due in thirty days: Chile starts its report and answers one section.
  const cycle = await secretariat.post('/api/v1/reporting/cycles', { title: 'First reporting cycle', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: inDays(30, 'Europe/Zurich'), zone: 'Europe/Zurich' });
  expect(cycle.status).toBe(201);
  cycleId = cycle.body.id;
  sectionsTotal = (await chl.get(`/api/v1/reporting/cycles/${cycleId}`)).body.questionnaire.sections.length;
  chlReport = (await chl.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility: 'states' })).body.id;
  expect((await chl.put(`/api/v1/reporting/reports/${chlReport}/sections/norm:norm-13a`, { answer: { status: 'planned' } }, { 'if-match': '"0"' })).status).toBe(200);

  // A draft Argentina amends; another under silence for three days.
  const draft = await chair.post('/api/v1/drafts', { title: 'Decision on the programme of work', body: 'plenary', kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Adopts its programme of work.' }] });
  draftId = draft.body.id;
  const op1 = (await chair.get(`/api/v1/drafts/${draftId}`)).body.latest.paragraphs[0].key;
  const amendment = await arg.post(`/api/v1/drafts/${draftId}/amendments`, { revision: 0, action: 'replace', paragraphKey: op1, text: 'Adopts its programme of work for two years.', reason: 'A longer horizon.' });
  expect(amendment.status).toBe(201);
  amendmentId = amendment.body.id;
  const silent = await chair.post('/api/v1/drafts', { title: 'Recommendation on points of contact', body: 'plenary', kind: 'recommendation', implementsCodes: ['global-cbm-1'], paragraphs: [{ kind: 'operative', text: 'Recommends keeping contacts current.' }] });
  silenceDraftId = silent.body.id;
  expect((await chair.post(`/api/v1/drafts/${silenceDraftId}/silence-procedures`, { deadlineLocal: inDays(3, 'America/New_York'), zone: 'America/New_York' })).status).toBe(201);
  const adoptable = await chair.post('/api/v1/drafts', { title: 'Decision on the dates of the next session', body: 'plenary', kind: 'decision', paragraphs: [{ kind: 'operative', text: 'Decides the dates.' }] });
  const proposal = await chair.post(`/api/v1/drafts/${adoptable.body.id}/adoption-proposals`, { meetingId: meetingB });
  expect(proposal.status).toBe(201);
  proposalId = proposal.body.id;
});
afterAll(() => p.close());

describe('My PoA', () => {
  it('is for signed-in people only', async () => {
    const res = await new Client(p.app).get('/api/v1/me/agenda');
    expect(res.status).toBe(401);
  });

  it("shows a focal point its own State's report with the sections left, never another State's", async () => {
    const chlItems = await agenda(chl);
    const report = chlItems.find((i) => i.kind === 'report')!;
    expect(report).toMatchObject({ key: `report:${cycleId}`, action: 'continue-report', link: `/reporting/reports/${chlReport}/edit`, deadline: { zone: 'Europe/Zurich' } });
    expect(report.detail).toMatchObject({ status: 'draft', state: 'CHL', sectionsTotal, sectionsLeft: sectionsTotal - 1 });

    const argItems = await agenda(arg);
    const argReports = argItems.filter((i) => i.kind === 'report');
    expect(argReports).toEqual([expect.objectContaining({ action: 'start-report', link: '/reporting', detail: expect.objectContaining({ status: 'not-started', state: 'ARG', sectionsLeft: sectionsTotal }) })]);
    expect(JSON.stringify(argItems)).not.toContain(chlReport);
    // The Secretariat and the chair have no report of their own to write.
    expect((await agenda(secretariat)).some((i) => i.kind === 'report')).toBe(false);
    expect((await agenda(chair)).some((i) => i.kind === 'report')).toBe(false);
  });

  it("offers registration to a State that has not registered, and shows one that has its own, never another's", async () => {
    const argReg = (await agenda(arg)).find((i) => i.key === `registration:${meetingA}`)!;
    expect(argReg).toMatchObject({ action: 'register', link: `/meetings/${meetingA}/registration`, detail: { status: 'not-registered' } });
    const chlReg = (await agenda(chl)).find((i) => i.key === `registration:${meetingA}`)!;
    expect(chlReg).toMatchObject({ action: 'view-registration', detail: { status: 'submitted' } });
    expect((await agenda(arg)).some((i) => i.kind === 'registration-to-confirm')).toBe(false);
  });

  it("offers co-sponsoring another State's amendment, not one's own", async () => {
    expect((await agenda(chl)).find((i) => i.key === `amendment:${amendmentId}`)).toMatchObject({ action: 'cosponsor', link: `/drafts/${draftId}`, deadline: null, detail: { state: 'ARG' } });
    expect((await agenda(arg)).some((i) => i.kind === 'amendment')).toBe(false);
    expect((await chl.post(`/api/v1/amendments/${amendmentId}/sponsors`)).status).toBe(204);
    expect((await agenda(chl)).some((i) => i.kind === 'amendment')).toBe(false);
  });

  it('lists the silence procedures, with breaking silence for a focal point only', async () => {
    const forChl = (await agenda(chl)).find((i) => i.kind === 'silence-procedure')!;
    expect(forChl).toMatchObject({ action: 'break-silence', title: { en: 'Recommendation on points of contact' }, deadline: { zone: 'America/New_York' } });
    expect((await agenda(chair)).find((i) => i.kind === 'silence-procedure')).toMatchObject({ action: 'open' });
    expect((await agenda(secretariat)).find((i) => i.kind === 'silence-procedure')).toMatchObject({ action: 'open' });
  });

  it('gives the chair the proposals awaiting its decision, and no one else', async () => {
    expect((await agenda(chair)).find((i) => i.kind === 'adoption-proposal')).toMatchObject({ key: `adoption-proposal:${proposalId}`, action: 'decide' });
    for (const c of [chl, arg, secretariat]) expect((await agenda(c)).some((i) => i.kind === 'adoption-proposal')).toBe(false);
  });

  it('gives the Secretariat the registrations to confirm and the documents to issue', async () => {
    const items = await agenda(secretariat);
    expect(items.find((i) => i.kind === 'registration-to-confirm')).toMatchObject({ action: 'confirm-registration', link: `/meetings/${meetingA}`, detail: { delegationName: 'Chile' } });
    const doc = items.find((i) => i.kind === 'document-to-issue' && i.action === 'upload-language-versions')!;
    expect(doc.title.en).toBe('Working paper on points of contact');
    expect(doc.detail.missingLanguages).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect(items.some((i) => i.kind === 'registration' || i.kind === 'amendment')).toBe(false);
  });

  it('lists a draft changed since the person last opened it, until they open it again', async () => {
    expect((await agenda(arg)).some((i) => i.kind === 'draft-changed')).toBe(false);
    await arg.get(`/api/v1/drafts/${draftId}`);
    expect((await agenda(arg)).some((i) => i.kind === 'draft-changed')).toBe(false);
    const latest = await chair.get(`/api/v1/drafts/${draftId}`);
    const paragraphs = latest.body.latest.paragraphs.map((x: { key: string; kind: string; text: string }) => ({ key: x.key, kind: x.kind, text: `${x.text} Rev.` }));
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, { paragraphs }, { 'if-match': etag(latest) })).status).toBe(201);
    expect((await agenda(arg)).find((i) => i.kind === 'draft-changed')).toMatchObject({ key: `draft-changed:${draftId}`, action: 'review-changes', detail: { revisionLabel: 'Rev.1' } });
    // Another account's opening does not count for Argentina.
    expect((await agenda(chl)).some((i) => i.kind === 'draft-changed')).toBe(false);
    await arg.get(`/api/v1/drafts/${draftId}`);
    expect((await agenda(arg)).some((i) => i.kind === 'draft-changed')).toBe(false);
  });

  it('ranks by deadline, nearest first, and puts what has no deadline last', async () => {
    const items = await agenda(chl);
    const kinds = items.map((i) => i.kind);
    // Silence in 3 days, meeting B in 5, registration A closes in 10, the report in 30.
    expect(kinds.indexOf('silence-procedure')).toBeLessThan(kinds.indexOf('meeting'));
    expect(items.findIndex((i) => i.key === `meeting:${meetingB}`)).toBeLessThan(items.findIndex((i) => i.key === `registration:${meetingA}`));
    expect(items.findIndex((i) => i.key === `registration:${meetingA}`)).toBeLessThan(kinds.indexOf('report'));
    const dated = items.filter((i) => i.deadline).map((i) => Date.parse(i.deadline!.at));
    expect(dated).toEqual([...dated].sort((x, y) => x - y));
    const firstUndated = items.findIndex((i) => !i.deadline);
    if (firstUndated >= 0) expect(items.slice(firstUndated).every((i) => !i.deadline)).toBe(true);
  });
});
