import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { jobHandlers } from '../src/jobs.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { DIGEST_JOB, DIGEST_ONE_JOB, NOTICE_JOB, REMIND_JOB } from '../src/modules/follows/index.js';
import { nextDigestAt } from '../src/modules/follows/kinds.js';
import { notifications } from '../src/modules/follows/tables.js';
import { accounts } from '../src/modules/accounts/tables.js';

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
    const reminders = await p.ctx.database.db.select().from(jobs).where(eq(jobs.kind, REMIND_JOB));
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
