import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { Client, makeAccount, signedIn } from './support/client.js';
import { meetingBody } from './support/meetings.js';
import { buildApp } from '../src/app.js';
import { jobHandlers } from '../src/jobs.js';
import { runOneJob } from '../src/platform/jobs/runner.js';
import { auditEventsOf } from '../src/platform/audit/record.js';
import { mailMessages } from '../src/platform/mail/tables.js';
import { DIGEST_JOB, DIGEST_ONE_JOB, updatesJobHandlers } from '../src/modules/updates/index.js';
import { nextDigestAt } from '../src/modules/updates/topics.js';
import { updateSubscriptions } from '../src/modules/updates/tables.js';
import { confirmSubscription } from '../src/modules/updates/confirm-subscription.js';

/**
 * Email updates: double opt-in, the same answer for any address, one confirmation mail per address
 * in a while, a daily digest through the job table exactly once (across a restart), RFC 8058
 * one-click unsubscribe in every message, and no address on the audit chain.
 */
let p: TestPlatform;
let anon: Client;
let secretariat: Client;
const ADDRESS = 'Ana.Perez@Example.org';
const address = ADDRESS.toLowerCase();

beforeAll(async () => {
  p = await testPlatform();
  anon = await new Client(p.app).start();
  secretariat = await signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
});
afterAll(() => p.close());

/** The raw messages in the outbox to an address, with their header block. */
function rawTo(to: string): { head: string; body: string }[] {
  if (!fs.existsSync(p.outboxDir)) return [];
  return fs
    .readdirSync(p.outboxDir)
    .sort()
    .map((f) => fs.readFileSync(path.join(p.outboxDir, f), 'utf8'))
    .map((raw) => {
      const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
      return { head: head.replace(/\r?\n[ \t]+/g, ' '), body: rest.join('\n\n') };
    })
    .filter((m) => new RegExp(`^To: ${to}$`, 'mi').test(m.head));
}
const mailsTo = async (to: string) => (await p.outbox()).filter((m) => m.to === to);
const confirmToken = (text: string) => /\/updates\/confirm\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
const unsubscribeToken = (text: string) => /\/updates\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
const subscribe = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/updates/subscriptions', body);

/** Runs the due jobs as a process would at `at` (the digest is due at its hour, in the future). */
async function runJobsAt(at: Date, handlers = jobHandlers(p.ctx)): Promise<number> {
  let ran = 0;
  while (await runOneJob(p.ctx.database.db, handlers, () => at)) ran++;
  return ran;
}

let answer: unknown;

describe('signing up', () => {
  it('validates the form', async () => {
    const bad = async (body: Record<string, unknown>) => (await subscribe(anon, body)).status;
    expect(await bad({ email: 'not an address', language: 'es', topics: ['meetings'] })).toBe(400);
    expect(await bad({ email: address, language: 'es', topics: [] })).toBe(400);
    expect(await bad({ email: address, language: 'xx', topics: ['meetings'] })).toBe(400);
    expect(await bad({ email: address, language: 'es', topics: ['gossip'] })).toBe(400);
    expect(await bad({ email: address, language: 'es', topics: ['meetings'], admin: true })).toBe(400);
  });

  it('sends only a confirmation link, in the language chosen, with a one-click unsubscribe (RFC 8058)', async () => {
    const res = await subscribe(anon, { email: ADDRESS, language: 'es', topics: ['documents', 'meetings'] });
    expect(res.status).toBe(202);
    answer = res.body;
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Confirme su suscripción a las novedades del PoA');
    expect(mails[0]!.text).toContain('http://poa.test/es/updates/confirm/');
    expect(mails[0]!.text).toContain('http://poa.test/es/updates/unsubscribe/');
    const [raw] = rawTo(address);
    expect(raw!.head).toMatch(/^List-Unsubscribe: <http:\/\/poa\.test\/api\/v1\/updates\/unsubscribe\/[A-Za-z0-9_-]{43}>$/m);
    expect(raw!.head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // The token leaves in the message only: the queue keeps neither the text nor the headers once sent.
    const rows = await p.ctx.database.db.select().from(mailMessages).where(eq(mailMessages.to, address));
    expect(rows.every((r) => r.text === null && r.headers === null)).toBe(true);
  });

  it('answers the same for an address already known, and sends no second link within minutes', async () => {
    const again = await subscribe(anon, { email: address, language: 'fr', topics: ['outcomes'] });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(answer);
    const other = await subscribe(anon, { email: 'someone.else@example.org', language: 'en', topics: ['outcomes'] });
    expect(other.body).toEqual(answer);
    expect(await mailsTo(address)).toHaveLength(1);
  });

  it('keeps the address off the audit chain (a digest instead)', async () => {
    const events = await auditEventsOf(p.ctx.database.db, 'updates.subscribe');
    expect(events.length).toBe(2);
    const text = JSON.stringify(events);
    expect(text).not.toContain('example.org');
    expect(text).toMatch(/"address":"[0-9a-f]{64}"/);
  });

  it('sends nothing but the confirmation before it is confirmed', async () => {
    await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: 'Meeting before confirmation' } }));
    await runJobsAt(nextDigestAt(new Date(Date.now() + 3 * 86_400_000)));
    expect(await mailsTo(address)).toHaveLength(1);
  });
});

let confirmed: Date;
let firstCutOff: Date;

describe('confirming', () => {
  it('the link works once', async () => {
    const [mail] = await mailsTo(address);
    const token = confirmToken(mail!.text);
    const ok = await anon.post('/api/v1/updates/confirmations', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ language: 'es', topics: ['meetings', 'documents'] });
    confirmed = new Date();
    expect((await anon.post('/api/v1/updates/confirmations', { token })).status).toBe(410);
    expect((await anon.post('/api/v1/updates/confirmations', { token: 'x'.repeat(43) })).status).toBe(410);
  });

  it('the link expires', async () => {
    await subscribe(anon, { email: 'late@example.org', language: 'en', topics: ['meetings'] });
    const [mail] = await mailsTo('late@example.org');
    await expect(confirmSubscription(p.ctx.database.db, confirmToken(mail!.text), new Date(Date.now() + 49 * 3_600_000))).rejects.toMatchObject({ status: 410 });
  });
});

describe('the digest', () => {
  it('sends each subscriber what is new in its topics since it confirmed, in its language, exactly once across a restart', async () => {
    const title = { en: 'Second annual meeting', es: 'Segunda reunión anual' };
    expect((await secretariat.post('/api/v1/meetings', meetingBody({ title, sessionNumber: 2 }))).status).toBe(201);
    firstCutOff = nextDigestAt(new Date());
    const at = new Date(firstCutOff.getTime() + 60_000);
    const db = p.ctx.database.db;
    // The day's job runs, then the process stops before any subscriber's own job.
    const onlyFanOut = { [DIGEST_JOB]: updatesJobHandlers(p.ctx)[DIGEST_JOB]! };
    expect(await runJobsAt(at, onlyFanOut)).toBeGreaterThan(0);
    // A new process on the same database (a restart), then two of them at once.
    const { app } = await buildApp(p.ctx);
    await Promise.all([runJobsAt(at), runJobsAt(at, jobHandlers(p.ctx))]);
    await app.close();
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(2);
    const digest = mails[1]!;
    expect(digest.subject).toBe('Novedades del PoA');
    expect(digest.text).toContain('Segunda reunión anual');
    expect(digest.text).toContain('http://poa.test/es/meetings/');
    expect(digest.text).not.toContain('Meeting before confirmation');
    expect(digest.text).toContain('http://poa.test/es/updates/unsubscribe/');
    const [, raw] = rawTo(address);
    expect(raw!.head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // Run again, the subscriber's job with it: nothing more.
    await runJobsAt(at);
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(updateSubscriptions).where(eq(updateSubscriptions.email, address));
      await updatesJobHandlers(p.ctx)[DIGEST_ONE_JOB]!({ tx, job: { id: 'x', kind: DIGEST_ONE_JOB, key: 'x', runAt: at, attempts: 0, payload: { subscriptionId: row!.id, until: firstCutOff.toISOString() } } });
    });
    expect(await mailsTo(address)).toHaveLength(2);
    expect(confirmed.getTime()).toBeLessThan(firstCutOff.getTime());
  });

  it('sends nothing on a day with nothing new', async () => {
    const next = new Date(firstCutOff.getTime() + 86_400_000 + 60_000);
    await runJobsAt(next);
    expect(await mailsTo(address)).toHaveLength(2);
  });
});

describe('unsubscribing', () => {
  it('a GET changes nothing and opens the page in the subscriber language', async () => {
    const [, digest] = await mailsTo(address);
    const token = unsubscribeToken(digest!.text);
    const res = await p.app.inject({ method: 'GET', url: `/api/v1/updates/unsubscribe/${token}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/es/updates/unsubscribe/${token}`);
    expect(await p.ctx.database.db.select().from(updateSubscriptions).where(eq(updateSubscriptions.email, address))).toHaveLength(1);
  });

  it('one click from a mail client (a form POST with no cookie nor CSRF header) ends it and forgets the address', async () => {
    const [raw] = rawTo(address);
    const url = /^List-Unsubscribe: <http:\/\/poa\.test(\/api\/v1\/updates\/unsubscribe\/[A-Za-z0-9_-]+)>$/m.exec(raw!.head)![1]!;
    const res = await p.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(200);
    expect(await p.ctx.database.db.select().from(updateSubscriptions).where(eq(updateSubscriptions.email, address))).toHaveLength(0);
    const again = await p.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(res.body);
    expect(JSON.stringify(await auditEventsOf(p.ctx.database.db, 'updates.unsubscribe'))).not.toContain('example.org');
    // Another site's form cannot use the exemption for anything else: a sign-up still needs the CSRF header.
    const forged = await p.app.inject({ method: 'POST', url: '/api/v1/updates/subscriptions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: address, language: 'en', topics: ['meetings'] }) });
    expect(forged.statusCode).toBe(403);
  });

  it('no more digests after unsubscribing', async () => {
    await secretariat.post('/api/v1/meetings', meetingBody({ title: { en: 'Third annual meeting' }, sessionNumber: 3 }));
    await runJobsAt(new Date(firstCutOff.getTime() + 2 * 86_400_000 + 60_000));
    expect(await mailsTo(address)).toHaveLength(2);
  });
});

describe('mail headers', () => {
  it('a module cannot set the headers the mailer writes, nor break a line', async () => {
    const { queueMail } = await import('../src/platform/mail/queue.js');
    await expect(p.ctx.database.db.transaction((tx) => queueMail(tx, [{ to: 'a@example.org', subject: 's', text: 't', headers: { Bcc: 'x@example.org' } }]))).rejects.toThrow(/may not be set/);
    await expect(p.ctx.database.db.transaction((tx) => queueMail(tx, [{ to: 'a@example.org', subject: 's', text: 't', headers: { 'X-A': 'a\r\nBcc: x@example.org' } }]))).rejects.toThrow(/line break/);
  });
});
