import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { randomUUID } from 'node:crypto';
import { startJobRunner } from '../src/platform/jobs/runner.js';
import { jobHandlers } from '../src/jobs.js';
import { describeRecord, verifyRecord } from '../src/record.js';
import { organisations } from '../src/modules/stakeholders/tables.js';

let p: TestPlatform;
let chair: Client;
let chl: Client;
let chlDelegate: Client;
let arg: Client;
let fra: Client;
let fraEmail: string;
let stakeholder: Client;
const anon = () => new Client(p.app);

beforeAll(async () => {
  p = await testPlatform();
  const organisationId = randomUUID();
  await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Access Now', kind: 'ngo', accreditation: 'accredited' });
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  chl = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
  chlDelegate = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' }));
  arg = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' }));
  const france = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' });
  fraEmail = france.email;
  fra = await signedIn(p.app, france);
  // France's focal point reads the platform's emails in French.
  expect((await fra.put('/api/v1/me/language', { language: 'fr' })).status).toBe(204);
  stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
});
afterAll(() => p.close());

const zero = {
  title: 'Recommendation on the protection of critical infrastructure',
  body: 'plenary',
  kind: 'recommendation',
  implementsCodes: ['norm-13g'],
  paragraphs: [
    { kind: 'preambular', text: 'Recalling norm 13(g) of the 2015 report of the Group of Governmental Experts,' },
    { kind: 'operative', text: 'Recommends that States designate their critical infrastructure;' },
    { kind: 'operative', text: 'Encourages States to share good practices.' },
  ],
};

let draftId: string;
let amendmentId: string;

describe('negotiating a draft', () => {
  it('the chair tables a zero draft; the public can read it; nobody else can table one', async () => {
    expect((await chl.post('/api/v1/drafts', zero)).status).toBe(403);
    expect((await (await anon().start()).post('/api/v1/drafts', zero)).status).toBe(401);
    const bad = await chair.post('/api/v1/drafts', { ...zero, implementsCodes: ['norm-99z'] });
    expect(bad.status).toBe(400);
    const res = await chair.post('/api/v1/drafts', zero);
    expect(res.status).toBe(201);
    draftId = res.body.id;
    const draft = await anon().get(`/api/v1/drafts/${draftId}`);
    expect(draft.body.latest.label).toBe('Zero draft');
    expect(draft.body.latest.paragraphs.map((x: { label: string }) => x.label)).toEqual(['PP1', 'OP1', 'OP2']);
    expect(draft.headers.etag).toBe('"0"');
  });

  it('a draft is tabled before the plenary or an active working group, and the list says who may table one', async () => {
    expect((await anon().get('/api/v1/drafts')).body.can).toEqual({ table: false });
    expect((await chl.get('/api/v1/drafts')).body.can).toEqual({ table: false });
    expect((await chair.get('/api/v1/drafts')).body.can).toEqual({ table: true });
    const unknown = await chair.post('/api/v1/drafts', { ...zero, body: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.body', message: 'unknown or closed working group' }]);
    const secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
    const group = await secretariat.post('/api/v1/groups', { name: { en: 'Working group on capacity-building' }, mandate: { en: 'To take forward capacity-building.' }, chairs: [], workProgramme: [], stakeholderObservers: false });
    expect(group.status).toBe(201);
    const before = (await anon().get('/api/v1/drafts')).body.items.length;
    const tabled = await chair.post('/api/v1/drafts', { ...zero, body: group.body.id });
    expect(tabled.status).toBe(201);
    expect((await anon().get(`/api/v1/drafts?body=${group.body.id}`)).body.items.map((d: { id: string }) => d.id)).toEqual([tabled.body.id]);
    // The group's page lists it among its drafts.
    expect((await anon().get(`/api/v1/groups/${group.body.id}`)).body.drafts.map((d: { id: string }) => d.id)).toEqual([tabled.body.id]);
    const closing = await secretariat.patch(`/api/v1/groups/${group.body.id}`, { status: 'closed' }, { 'if-match': String(group.headers.etag) });
    expect(closing.status).toBe(200);
    expect((await chair.post('/api/v1/drafts', { ...zero, body: group.body.id })).status).toBe(400);
    expect((await anon().get('/api/v1/drafts')).body.items.length).toBe(before + 1);
  });

  it('a State proposes an amendment for itself only; an organisation never does', async () => {
    const draft = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    const op1 = draft.latest.paragraphs[1].key as string;
    const amendment = { revision: 0, action: 'replace', paragraphKey: op1, text: 'Recommends that States identify and designate their critical infrastructure;', reason: 'Identification comes first.' };
    expect((await stakeholder.post(`/api/v1/drafts/${draftId}/amendments`, amendment)).status).toBe(403);
    const forOther = await chlDelegate.post(`/api/v1/drafts/${draftId}/amendments`, { ...amendment, state: 'ARG' });
    expect(forOther.status).toBe(400);
    const res = await chlDelegate.post(`/api/v1/drafts/${draftId}/amendments`, amendment);
    expect(res.status).toBe(201);
    amendmentId = res.body.id;
    expect((await arg.post(`/api/v1/amendments/${amendmentId}/sponsors`)).status).toBe(204);
    expect((await arg.post(`/api/v1/amendments/${amendmentId}/sponsors`)).status).toBe(409);
    const noText = await chl.post(`/api/v1/drafts/${draftId}/amendments`, { revision: 0, action: 'replace', paragraphKey: op1, reason: 'x y z' });
    expect(noText.body.errors[0].field).toBe('body.text');
    const compiled = (await anon().get(`/api/v1/drafts/${draftId}`)).body.latest.paragraphs[1].amendments;
    expect(compiled).toHaveLength(1);
    expect(compiled[0]).toMatchObject({ proposerState: 'CHL', sponsors: ['CHL', 'ARG'], reason: 'Identification comes first.' });
  });

  it('says in every response what the caller may do, for its own State only, and lists drafts at their latest revision', async () => {
    const asFrance = (await fra.get(`/api/v1/drafts/${draftId}`)).body;
    expect(asFrance.actingFor).toBe('FRA');
    expect(asFrance.can).toEqual({ issueRevision: false, proposeAmendment: true, breakSilence: true, transmit: false, proposeAdoption: false, openSilenceProcedure: false });
    expect(asFrance.latest.paragraphs[1].amendments[0].can).toEqual({ cosponsor: true });
    // Chile proposed it and Argentina joined it: neither may co-sponsor it again.
    expect((await chlDelegate.get(`/api/v1/drafts/${draftId}`)).body.latest.paragraphs[1].amendments[0].can).toEqual({ cosponsor: false });
    expect((await arg.get(`/api/v1/drafts/${draftId}`)).body.latest.paragraphs[1].amendments[0].can).toEqual({ cosponsor: false });
    // A delegate proposes and co-sponsors, but only a focal point breaks silence.
    expect((await chlDelegate.get(`/api/v1/drafts/${draftId}`)).body.can).toMatchObject({ proposeAmendment: true, breakSilence: false });
    for (const who of [stakeholder, anon()]) {
      const seen = (await who.get(`/api/v1/drafts/${draftId}`)).body;
      expect(seen.can).toEqual({ issueRevision: false, proposeAmendment: false, breakSilence: false, transmit: false, proposeAdoption: false, openSilenceProcedure: false });
      expect(seen.latest.paragraphs[1].amendments[0].can).toEqual({ cosponsor: false });
    }
    const asChair = (await chair.get(`/api/v1/drafts/${draftId}`)).body;
    expect(asChair.can).toEqual({ issueRevision: true, proposeAmendment: false, breakSilence: false, transmit: false, proposeAdoption: true, openSilenceProcedure: true });
    const listed = (await anon().get('/api/v1/drafts?status=negotiating')).body.items.find((d: { id: string }) => d.id === draftId);
    expect(listed).toMatchObject({ title: zero.title, body: 'plenary', kind: 'recommendation', status: 'negotiating', latest: { number: 0, label: 'Zero draft' }, amendments: 1 });
    expect(typeof listed.latest.issuedAt).toBe('string');
    expect(listed).not.toHaveProperty('createdBy');
  });

  it('the chair issues Rev.1 taking up the amendment; a stale revision is refused; revisions compare word by word', async () => {
    const draft = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    const [pp1, op1, op2] = draft.latest.paragraphs as { key: string; kind: string; text: string }[];
    const rev1 = {
      paragraphs: [
        { key: pp1!.key, kind: 'preambular', text: pp1!.text },
        { key: op1!.key, kind: 'operative', text: 'Recommends that States identify and designate their critical infrastructure;' },
        { key: op2!.key, kind: 'operative', text: op2!.text },
      ],
      takesUp: [amendmentId],
    };
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, rev1)).status).toBe(428);
    const ok = await chair.post(`/api/v1/drafts/${draftId}/revisions`, rev1, { 'if-match': '"0"' });
    expect(ok.status).toBe(201);
    expect(ok.body.number).toBe(1);
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, rev1, { 'if-match': '"0"' })).status).toBe(412);
    const cmp = await anon().get(`/api/v1/drafts/${draftId}/compare?from=0&to=1`);
    const changed = cmp.body.paragraphs.find((x: { change: string }) => x.change === 'changed');
    expect(changed.words.filter((w: { added?: boolean }) => w.added).map((w: { text: string }) => w.text).join('')).toContain('identify and');
    const after = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    expect(after.latest.paragraphs[1].amendments[0].takenUpIn).toBe(1);
  });
});

describe('adoption by silence procedure', () => {
  it('refuses a deadline that does not exist or has passed, naming the field', async () => {
    const gap = await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal: '2031-03-09T02:30', zone: 'America/New_York' });
    expect(gap.status).toBe(400);
    expect(gap.body.errors[0]).toMatchObject({ field: 'body.deadlineLocal' });
    expect((await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal: '2020-01-01T12:00', zone: 'Europe/Zurich' })).status).toBe(400);
    expect((await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal: '2031-01-01T12:00', zone: 'Nowhere/City' })).body.errors[0].field).toBe('body.zone');
  });

  it('is broken by one State with a reason; every focal point is told; a second break finds it closed', async () => {
    const before = (await p.outbox()).length;
    const open = await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal: '2031-03-14T12:00', zone: 'America/New_York' });
    expect(open.status).toBe(201);
    expect(open.body.deadlineLocal).toBe('2031-03-14T12:00-04:00');
    expect(new Date(open.body.deadlineAt).toISOString()).toBe('2031-03-14T16:00:00.000Z');
    const opened = (await p.outbox()).slice(before);
    expect(opened.length).toBeGreaterThanOrEqual(3);
    const toFrance = opened.filter((m) => m.to === fraEmail);
    const others = opened.filter((m) => m.to !== fraEmail);
    expect(others.every((m) => /^Silence procedure: /.test(m.subject))).toBe(true);
    expect(toFrance).toHaveLength(1);
    expect(toFrance[0]!.subject).toMatch(/^Procédure d’approbation tacite : /);
    // The deadline in its own zone, in French; the link opens the platform in French.
    expect(toFrance[0]!.text).toContain('14 mars 2031');
    expect(toFrance[0]!.text).toContain('(America/New_York)');
    expect(toFrance[0]!.text).toContain(`/fr/silence-procedures#silence-${open.body.id}`);

    const procedures = await anon().get('/api/v1/silence-procedures');
    expect(procedures.body.items.map((x: { id: string }) => x.id)).toContain(open.body.id);
    expect((await chlDelegate.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'Not a focal point' })).status).toBe(403);
    expect((await stakeholder.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'We object' })).status).toBe(403);
    const broken = await arg.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'OP2 needs a reference to regional organisations.' });
    expect(broken.status).toBe(201);
    const again = await fra.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'Me too' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:poa:problem:refused-not-open');
    expect((await p.outbox()).some((m) => /silence broken/i.test(m.subject))).toBe(true);
    const brokenToFrance = (await p.outbox()).filter((m) => m.to === fraEmail).at(-1)!;
    expect(brokenToFrance.subject).toMatch(/^Silence rompu : /);
    expect(brokenToFrance.text).toContain('Argentine a rompu le silence');
    const draft = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    expect(draft.status).toBe('negotiating');
    expect(draft.silenceProcedures[0]).toMatchObject({ status: 'broken', breaks: [{ state: 'ARG', reason: 'OP2 needs a reference to regional organisations.' }] });
  });

  let outcomeId: string;
  it('is adopted at the deadline by the job, once, even with two runners; a break after the deadline is refused', async () => {
    const local = DateTime.utc().plus({ seconds: 2 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const open = await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { deadlineLocal: local, zone: 'UTC' });
    expect(open.status).toBe(201);
    await new Promise((r) => setTimeout(r, 2300));
    // Late, before the deadline job has run: the answer names the deadline as the chair stated it.
    const late = await fra.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'Too late?' });
    expect(late.status).toBe(409);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(late.body).toMatchObject({ type: 'urn:poa:problem:refused-deadline-passed', deadlineLocal: open.body.deadlineLocal, deadlineZone: 'UTC', deadlineAt: open.body.deadlineAt, outcome: null });
    expect(late.body.detail).toContain(`${open.body.deadlineLocal} (UTC)`);
    await p.outbox(); // the mail of earlier steps leaves first
    const handlers = jobHandlers(p.ctx);
    const a = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    const b = startJobRunner(p.ctx.database.db, handlers, { intervalMs: 60_000 });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.stop(), b.stop()]);
    // The adoption, once, then the mail that tells of it.
    expect(na + nb).toBe(2);
    const outcomes = (await anon().get('/api/v1/outcomes')).body.items;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].symbol).toMatch(/^PoA\/\d{4}\/REC\.1$/);
    outcomeId = outcomes[0].id;
    // Late, once adopted: the same answer, naming the outcome too.
    const later = await fra.post(`/api/v1/silence-procedures/${open.body.id}/breaks`, { reason: 'Too late?' });
    expect(later.status).toBe(409);
    expect(later.body).toMatchObject({ type: 'urn:poa:problem:refused-deadline-passed', deadlineLocal: open.body.deadlineLocal, outcome: { id: outcomeId, symbol: outcomes[0].symbol } });
    expect(later.body.detail).toContain(outcomes[0].symbol);
    expect((await p.outbox()).some((m) => /adopted by silence procedure/i.test(m.subject))).toBe(true);
    // The adoption is anchored outside the database: a signed checkpoint covers it, in the outcome's record and published.
    const { verification } = (await anon().get(`/api/v1/outcomes/${outcomeId}`)).body;
    expect(verification.checkpoint.seq).toBeGreaterThanOrEqual(verification.auditEvent);
    expect((await anon().get('/api/v1/audit/checkpoints')).body.checkpoints).toContainEqual(verification.checkpoint);
  });

  it('adds the recommendation to the framework, linked to the norm it implements, from the date of adoption', async () => {
    const outcome = (await anon().get(`/api/v1/outcomes/${outcomeId}`)).body;
    const code = `rec-${outcome.symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const element = await anon().get(`/api/v1/framework/elements/${code}`);
    expect(element.status).toBe(200);
    expect(element.body.latest.source.symbol).toBe(outcome.symbol);
    expect(element.body.latest.display.status).toBe('verbatim');
    expect(element.body.relations).toEqual([expect.objectContaining({ direction: 'to', kind: 'implements', code: 'norm-13g' })]);
    const yesterday = DateTime.utc().minus({ days: 1 }).toISODate();
    const then = await anon().get(`/api/v1/framework/elements?asOf=${yesterday}&kind=recommendation`);
    expect(then.body.total).toBe(0);
    const now = await anon().get('/api/v1/framework/elements?kind=recommendation');
    expect(now.body.items.map((i: { code: string }) => i.code)).toEqual([code]);
  });

  it('freezes the text: no route can change it, and States explain their positions after adoption', async () => {
    const draft = (await anon().get(`/api/v1/drafts/${draftId}`)).body;
    expect(draft.status).toBe('adopted');
    expect(draft.can).toEqual({ issueRevision: false, proposeAmendment: false, breakSilence: false, transmit: false, proposeAdoption: false, openSilenceProcedure: false });
    const paragraphs = draft.latest.paragraphs.map((x: { key: string; kind: string }) => ({ key: x.key, kind: x.kind, text: 'Changed.' }));
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, { paragraphs }, { 'if-match': `"${draft.latest.number}"` })).status).toBe(409);
    expect((await chl.post(`/api/v1/drafts/${draftId}/amendments`, { revision: 1, action: 'delete', paragraphKey: draft.latest.paragraphs[0].key, reason: 'late' })).status).toBe(409);
    expect((await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { zone: 'UTC' })).status).toBe(409);
    const writes = p.routes.filter((r) => r.method !== 'GET' && r.url.startsWith('/api/v1/outcomes'));
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/outcomes/:id/explanations']);
    await expect(p.ctx.database.db.execute(sql`UPDATE outcomes SET title = 'x'`)).rejects.toBeTruthy();

    expect((await fra.post(`/api/v1/outcomes/${outcomeId}/explanations`, { text: 'France joined consensus and notes the importance of OP2.' })).status).toBe(201);
    expect((await stakeholder.post(`/api/v1/outcomes/${outcomeId}/explanations`, { text: 'We welcome it.' })).status).toBe(403);
  });

  it('shows anyone the whole record and proves the text unchanged', async () => {
    const outcome = (await anon().get(`/api/v1/outcomes/${outcomeId}`)).body;
    expect(outcome.verification.intact).toBe(true);
    expect(outcome.verification.recordedHash).toBe(outcome.contentHash);
    expect(outcome.amendments[0]).toMatchObject({ proposerState: 'CHL', sponsors: ['CHL', 'ARG'], takenUpIn: 1 });
    expect(outcome.silenceProcedures.map((s: { status: string }) => s.status)).toEqual(['broken', 'adopted']);
    expect(outcome.silenceProcedures[0].breaks[0].state).toBe('ARG');
    expect(outcome.explanations).toEqual([expect.objectContaining({ state: 'FRA' })]);
    expect(JSON.stringify(outcome)).not.toContain('Access Now');
    const report = await verifyRecord(p.ctx.database.db);
    expect(report.intact).toBe(true);
  });

  it('fails verification after someone tampers with the outcome in the database', async () => {
    const db = p.ctx.database.db;
    await db.execute(sql`ALTER TABLE outcomes DISABLE TRIGGER outcomes_immutable`);
    await db.execute(sql`UPDATE outcomes SET paragraphs = jsonb_set(paragraphs, '{1,text}', '"Recommends nothing."')`);
    const report = await verifyRecord(db);
    expect(report.intact).toBe(false);
    expect(report.chain.broken).toBeNull();
    expect(describeRecord(report)).toMatch(/ALTERED: its text does not match its content hash/);
    const outcome = (await anon().get(`/api/v1/outcomes/${outcomeId}`)).body;
    expect(outcome.verification.intact).toBe(false);
  });
});
