import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { jobHandlers } from '../src/jobs.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { DIGEST_JOB, DIGEST_ONE_JOB, NOTICE_JOB, REMIND_JOB, scheduleDigest } from '../src/modules/follows/index.js';
import { nextDigestAt } from '../src/modules/follows/kinds.js';
import { notifications } from '../src/modules/follows/tables.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { organisations } from '../src/modules/stakeholders/tables.js';
import { randomUUID } from 'node:crypto';

/**
 * Follow and be told: a person follows what they may see; a change to it becomes one notice per
 * follower through a durable job, mailed at once or in the day's digest (each notice once), in the
 * person's language, with the deadline in the person's zone.
 */
let p: TestPlatform;
let chair: Client;
let fra: Client;
let fraEmail: string;
let chl: Client;
let chlEmail: string;
let anon: Client;
let draftId: string;
/** Mails each had before being told anything (their invitations). */
let chlBefore: number;

const zero = {
  title: 'Recommendation on incident notification',
  body: 'plenary',
  kind: 'recommendation',
  implementsCodes: ['norm-13g'],
  paragraphs: [{ kind: 'operative', text: 'Recommends that States notify incidents.' }],
};
const revision = (text: string) => ({ paragraphs: [{ kind: 'operative', text }], takesUp: [] });

/** Runs the due jobs as a process would at `at`. */
async function runJobsAt(at: Date = new Date()): Promise<number> {
  let ran = 0;
  while (await runOneJob(p.ctx.database.db, jobHandlers(p.ctx), () => at)) ran++;
  return ran;
}
const mailsTo = async (to: string) => (await p.outbox()).filter((m) => m.to === to);

beforeAll(async () => {
  p = await testPlatform();
  chair = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'chair' }));
  const france = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'FRA' });
  fraEmail = france.email;
  fra = await signedIn(p.app, france);
  const chile = await makeAccount(p.ctx, p.app, { role: 'delegate', state: 'CHL' });
  chlEmail = chile.email;
  chl = await signedIn(p.app, chile);
  anon = await new Client(p.app).start();
  expect((await fra.put('/api/v1/me/language', { language: 'fr' })).status).toBe(204);
  const created = await chair.post('/api/v1/drafts', zero);
  expect(created.status).toBe(201);
  draftId = created.body.id;
});
afterAll(() => p.close());

describe('following', () => {
  it('a signed-in person follows a draft they may see, once; the public may not', async () => {
    expect((await fra.get(`/api/v1/me/follows/draft/${draftId}`)).body).toEqual({ kind: 'draft', id: draftId, following: false, can: { follow: true } });
    expect((await anon.get(`/api/v1/me/follows/draft/${draftId}`)).body).toMatchObject({ following: false, can: { follow: false } });
    expect((await anon.put(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(401);
    expect((await fra.put(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(204);
    expect((await fra.put(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(204);
    expect((await chl.put(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(204);
    expect((await fra.get(`/api/v1/me/follows/draft/${draftId}`)).body.following).toBe(true);
    const mine = await fra.get('/api/v1/me/follows');
    expect(mine.body.items).toEqual([expect.objectContaining({ kind: 'draft', id: draftId, title: { en: zero.title }, path: `drafts/${draftId}` })]);
  });

  it('what one may not see cannot be followed: not found, the same as what does not exist', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const kind of ['draft', 'silence-procedure', 'meeting', 'group', 'reporting-cycle']) {
      const res = await fra.put(`/api/v1/me/follows/${kind}/${unknown}`);
      expect(res.status, kind).toBe(404);
      expect(res.body.detail ?? res.body.title).not.toContain(unknown);
      expect((await fra.get(`/api/v1/me/follows/${kind}/${unknown}`)).status).toBe(404);
    }
    expect((await fra.put('/api/v1/me/follows/report/' + draftId)).status).toBe(400);
    expect((await fra.put('/api/v1/me/follows/draft/not-an-id')).status).toBe(400);
  });

  it("choosing how one is told: validated, one's own", async () => {
    expect((await fra.get('/api/v1/me/notification-preference')).body).toEqual({ delivery: 'digest', timeZone: 'UTC' });
    expect((await fra.put('/api/v1/me/notification-preference', { delivery: 'immediate', timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await fra.put('/api/v1/me/notification-preference', { delivery: 'hourly', timeZone: 'Europe/Paris' })).status).toBe(400);
    expect((await fra.put('/api/v1/me/notification-preference', { delivery: 'immediate', timeZone: 'Europe/Paris', extra: 1 })).status).toBe(400);
    const set = await fra.put('/api/v1/me/notification-preference', { delivery: 'immediate', timeZone: 'Europe/Paris' });
    expect(set.status).toBe(200);
    expect((await fra.get('/api/v1/me/notification-preference')).body).toEqual({ delivery: 'immediate', timeZone: 'Europe/Paris' });
    expect((await anon.get('/api/v1/me/notification-preference')).status).toBe(401);
  });
});

describe('being told', () => {
  it('a revision is issued: one notice each; an email at once for who chose it, none for the digest', async () => {
    const before = (await mailsTo(fraEmail)).length;
    chlBefore = (await mailsTo(chlEmail)).length;
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, revision('Recommends that States notify significant incidents.'), { 'if-match': '"0"' })).status).toBe(201);
    const job = await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, NOTICE_JOB));
    expect(job).toHaveLength(1);
    expect(await runJobsAt()).toBeGreaterThan(0);
    // Run again (another process, a retry): nothing more.
    await runJobsAt();

    const fraList = await fra.get('/api/v1/me/notifications');
    expect(fraList.status).toBe(200);
    expect(fraList.body.unread).toBe(1);
    expect(fraList.body.items).toEqual([expect.objectContaining({ kind: 'draft', targetId: draftId, what: 'revision-issued', label: 'Rev.1', path: `drafts/${draftId}`, read: false })]);
    expect((await chl.get('/api/v1/me/notifications/unread')).body).toEqual({ unread: 1 });
    // The chair, who issued it, follows nothing and is told nothing.
    expect((await chair.get('/api/v1/me/notifications')).body).toEqual({ items: [], unread: 0 });

    const fraMails = (await mailsTo(fraEmail)).slice(before);
    expect(fraMails).toHaveLength(1);
    expect(fraMails[0]!.subject).toBe(`${zero.title}: La version Rev.1 a été publiée`);
    expect(fraMails[0]!.text).toContain(`http://poa.test/fr/drafts/${draftId}`);
    expect(fraMails[0]!.text).toContain('http://poa.test/fr/notifications');
    expect((await mailsTo(chlEmail)).length).toBe(chlBefore);
  });

  it('the daily digest mails what waited, once, however often it runs', async () => {
    const cutOff = nextDigestAt(new Date());
    const at = new Date(cutOff.getTime() + 60_000);
    const pending = await p.ctx.database.db.select().from(jobs).where(and(eq(jobs.kind, DIGEST_JOB), eq(jobs.status, 'pending')));
    expect(pending.map((j) => j.runAt.getTime())).toContain(cutOff.getTime());
    await runJobsAt(at);
    await runJobsAt(at);
    const digests = (await mailsTo(chlEmail)).slice(chlBefore);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain(`${zero.title}: Rev.1 was issued`);
    expect(digests[0]!.text).toContain(`http://poa.test/en/drafts/${draftId}`);
    expect((await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, DIGEST_ONE_JOB))).length).toBe(1);
    // France was mailed at once: not again in a digest.
    expect((await mailsTo(fraEmail)).filter((m) => m.text.includes('Ce qui s’est passé'))).toEqual([]);
  });

  it("a silence procedure: the deadline in the person's own zone", async () => {
    const opened = await chair.post(`/api/v1/drafts/${draftId}/silence-procedures`, { zone: 'America/New_York' });
    expect(opened.status).toBe(201);
    await runJobsAt();
    const list = (await fra.get('/api/v1/me/notifications')).body;
    const notice = list.items.find((n: { what: string }) => n.what === 'silence-opened');
    expect(notice).toMatchObject({ label: 'Rev.1', deadlineAt: new Date(opened.body.deadlineAt).toISOString() });
    const mail = (await mailsTo(fraEmail)).find((m) => m.subject === `${zero.title}: La version Rev.1 a été soumise à une procédure d’approbation tacite`);
    expect(mail).toBeDefined();
    // In Paris time, in French, with the zone named.
    expect(mail!.text).toMatch(/Échéance : .*\(Europe\/Paris\)/);
    // Chile's delegate follows the silence procedure too, from now on.
    expect((await chl.put(`/api/v1/me/follows/silence-procedure/${opened.body.id}`)).status).toBe(204);
  });

  it("marking read: one's own notices only, named or all", async () => {
    const list = (await fra.get('/api/v1/me/notifications')).body;
    expect(list.unread).toBe(2);
    const first = list.items[0].id as string;
    // Another person cannot mark France's notice.
    expect((await chl.post('/api/v1/me/notifications/read', { ids: [first] })).body).toEqual({ unread: 2 });
    expect((await fra.get('/api/v1/me/notifications/unread')).body).toEqual({ unread: 2 });
    expect((await fra.post('/api/v1/me/notifications/read', { ids: [first] })).body).toEqual({ unread: 1 });
    expect((await fra.post('/api/v1/me/notifications/read', { ids: ['nope'] })).status).toBe(400);
    expect((await fra.post('/api/v1/me/notifications/read', {})).body).toEqual({ unread: 0 });
    expect((await fra.get('/api/v1/me/notifications')).body.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await anon.post('/api/v1/me/notifications/read', {})).status).toBe(401);
  });

  it("a reporting cycle followed: a reminder before its deadline, once, in the person's zone", async () => {
    const secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
    const local = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 16);
    const opened = await secretariat.post('/api/v1/reporting/cycles', { title: 'Cycle to follow', periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: local, zone: 'America/New_York' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const cycleId = opened.body.id as string;
    expect((await fra.put(`/api/v1/me/follows/reporting-cycle/${cycleId}`)).status).toBe(204);
    expect((await chl.put(`/api/v1/me/follows/reporting-cycle/${cycleId}`)).status).toBe(204);
    const reminders = (await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, REMIND_JOB))).filter((j) => !(j.payload as { closes?: boolean }).closes);
    expect(reminders).toHaveLength(1);
    const at = new Date(reminders[0]!.runAt.getTime() + 1000);
    const before = (await mailsTo(fraEmail)).length;
    await runJobsAt(at);
    await runJobsAt(at);
    const notices = (await fra.get('/api/v1/me/notifications')).body.items.filter((n: { targetId: string }) => n.targetId === cycleId);
    expect(notices).toEqual([expect.objectContaining({ kind: 'reporting-cycle', what: 'deadline-near', path: `reporting/cycles/${cycleId}/analysis` })]);
    const mails = (await mailsTo(fraEmail)).slice(before).filter((m) => m.subject.startsWith('Cycle to follow'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Cycle to follow: Son échéance approche');
    expect(mails[0]!.text).toMatch(/Échéance : .*\(Europe\/Paris\)/);
    expect((await chl.get('/api/v1/me/notifications')).body.items.filter((n: { targetId: string }) => n.targetId === cycleId)).toHaveLength(1);
  });

  it('after unfollowing, nothing more; and nothing to whom may no longer see (an account disabled)', async () => {
    const argentina = await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'ARG' });
    const arg = await signedIn(p.app, argentina);
    expect((await arg.put(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(204);
    await p.ctx.database.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, argentina.id));
    expect((await fra.delete(`/api/v1/me/follows/draft/${draftId}`)).status).toBe(204);
    expect((await fra.get('/api/v1/me/follows')).body.items.map((f: { kind: string }) => f.kind)).toEqual(['reporting-cycle']);
    const before = (await fra.get('/api/v1/me/notifications')).body.items.length;
    const chlHad = (await chl.get('/api/v1/me/notifications')).body.items.length;
    expect((await chair.post(`/api/v1/drafts/${draftId}/revisions`, revision('Recommends that States notify all significant incidents.'), { 'if-match': '"1"' })).status).toBe(201);
    await runJobsAt();
    expect((await fra.get('/api/v1/me/notifications')).body.items.length).toBe(before);
    expect((await chl.get('/api/v1/me/notifications')).body.items.length).toBe(chlHad + 1);
    expect(await p.ctx.database.db.select().from(notifications).where(eq(notifications.accountId, argentina.id))).toEqual([]);
  });
});

describe('a reporting cycle followed: its reports and its closing', () => {
  let cycleId: string;
  let deadlineAt: Date;
  let secretariat2: Client;
  let stakeholder: Client;
  let uruguay: { fp: Client; reportId: string };
  const cycleTitle = 'Cycle whose reports are followed';
  const noticesOn = async (c: Client) =>
    (await c.get('/api/v1/me/notifications')).body.items.filter((n: { targetId: string }) => n.targetId === cycleId) as { what: string; label: string | null; path: string }[];
  const submittedBy = async (c: Client) => (await noticesOn(c)).filter((n) => n.what === 'report-submitted').map((n) => n.label).sort();

  /** A State's focal point starts its report with a visibility, answers a section, and submits it. */
  async function submit(state: string, visibility: 'public' | 'states' | 'secretariat', secret: string) {
    const fp = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state }));
    const started = await fp.post(`/api/v1/reporting/cycles/${cycleId}/reports`, { visibility });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const reportId = started.body.id as string;
    expect((await fp.put(`/api/v1/reporting/reports/${reportId}/sections/norm:norm-13a`, { answer: { status: 'planned', measures: secret } }, { 'if-match': '"0"' })).status).toBe(200);
    expect((await fp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(201);
    return { fp, reportId };
  }

  beforeAll(async () => {
    const secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
    secretariat2 = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
    const organisationId = randomUUID();
    await p.ctx.database.db.insert(organisations).values({ id: organisationId, name: 'Cyber Peace Lab', kind: 'ngo', accreditation: 'accredited' });
    stakeholder = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'stakeholder', organisationId }));
    const local = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 16);
    const opened = await secretariat.post('/api/v1/reporting/cycles', { title: cycleTitle, periodStart: '2026-01-01', periodEnd: '2026-12-31', deadlineLocal: local, zone: 'UTC' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    cycleId = opened.body.id;
    deadlineAt = new Date(opened.body.deadlineAt);
    for (const c of [fra, chl, stakeholder, secretariat2]) expect((await c.put(`/api/v1/me/follows/reporting-cycle/${cycleId}`)).status).toBe(204);
  });

  it('a submission is told to each follower who may see the report, and to nobody else', async () => {
    const before = (await mailsTo(fraEmail)).length;
    uruguay = await submit('URY', 'secretariat', 'Secret measure of Uruguay');
    await submit('ARG', 'states', 'States-only measure of Argentina');
    const chile = await submit('CHL', 'public', 'Public measure of Chile');
    expect((await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, NOTICE_JOB))).filter((j) => (j.payload as { what: string }).what === 'report-submitted')).toHaveLength(3);
    await runJobsAt();
    await runJobsAt();
    // The Secretariat sees every report; another State's focal point the public and States-only ones;
    // Chile's delegate its own and the public ones; a stakeholder the public one alone.
    expect(await submittedBy(secretariat2)).toEqual(['ARG', 'CHL', 'URY']);
    expect(await submittedBy(fra)).toEqual(['ARG', 'CHL']);
    expect(await submittedBy(chl)).toEqual(['ARG', 'CHL']);
    expect(await submittedBy(stakeholder)).toEqual(['CHL']);
    const toChile = (await noticesOn(stakeholder)).find((n) => n.label === 'CHL')!;
    expect(toChile.path).toBe(`reporting/reports/${chile.reportId}`);
    // Nothing of a report's content is in a notice or its mail; the State is named in the person's language, once.
    const mails = (await mailsTo(fraEmail)).slice(before).filter((m) => m.subject.startsWith(cycleTitle));
    expect(mails.map((m) => m.subject).sort()).toEqual([`${cycleTitle}: Argentine a soumis son rapport`, `${cycleTitle}: Chili a soumis son rapport`]);
    expect(mails.map((m) => m.text).join('\n')).not.toMatch(/Uruguay|measure/);
    expect(mails.find((m) => m.subject.includes('Chili'))!.text).toContain(`http://poa.test/fr/reporting/reports/${chile.reportId}`);
  });

  it('a report made public by a corrected submission is told then to whom may now see it', async () => {
    // Uruguay opens its report to all and submits again: the stakeholder and France learn of it now.
    const { fp, reportId } = uruguay;
    expect((await fp.patch(`/api/v1/reporting/reports/${reportId}`, { visibility: 'public' })).status).toBe(204);
    expect((await fp.post(`/api/v1/reporting/reports/${reportId}/submissions`)).status).toBe(201);
    await runJobsAt();
    expect(await submittedBy(stakeholder)).toEqual(['CHL', 'URY']);
    expect(await submittedBy(fra)).toEqual(['ARG', 'CHL', 'URY']);
    expect(await submittedBy(secretariat2)).toEqual(['ARG', 'CHL', 'URY', 'URY']);
  });

  it('the cycle closes at its deadline: each follower told once, with the deadline', async () => {
    const closing = (await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, REMIND_JOB))).filter((j) => (j.payload as { id: string; closes?: boolean }).id === cycleId && (j.payload as { closes?: boolean }).closes);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.runAt.getTime()).toBe(deadlineAt.getTime());
    const at = new Date(deadlineAt.getTime() + 1000);
    await runJobsAt(at);
    await runJobsAt(at);
    for (const c of [fra, chl, stakeholder, secretariat2]) {
      const closed = (await noticesOn(c)).filter((n) => n.what === 'cycle-closed');
      expect(closed).toEqual([expect.objectContaining({ deadlineAt: deadlineAt.toISOString(), path: `reporting/cycles/${cycleId}/analysis` })]);
    }
    expect((await mailsTo(fraEmail)).filter((m) => m.subject === `${cycleTitle}: Le cycle est clos`)).toHaveLength(1);
    // Chile's delegate waits for the digest: the States are named there too, in English. (This file's
    // clock already ran the digest of the coming cut-off: the one after the deadline is run here.)
    const cutOff = nextDigestAt(at);
    await scheduleDigest(p.ctx.database.db, at);
    await runJobsAt(new Date(cutOff.getTime() + 60_000));
    const digest = (await mailsTo(chlEmail)).map((m) => m.text).join('\n');
    expect(digest).toContain(`- ${cycleTitle}: Chile submitted its report`);
    expect(digest).toContain(`- ${cycleTitle}: Argentina submitted its report`);
    expect(digest).not.toContain('URY');
  });
});
