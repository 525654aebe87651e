import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { testPlatform, readOutbox, type TestPlatform } from './support/platform.js';
import { makeAccount, signedIn, Client } from './support/client.js';
import { jobHandlers } from '../src/jobs.js';
import { openDatabase, rowsOf, type Database } from '../src/platform/db/database.js';
import { runOneJob, startJobRunner } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import type { Mail, Mailer } from '../src/platform/mail/mailer.js';
import { MAIL_JOB, MESSAGE_LEASE_MS, mailDelivery, queueMail, sendQueuedMail } from '../src/platform/mail/queue.js';
import { mailMessages } from '../src/platform/mail/tables.js';

/**
 * Mail leaves after the change it tells about has committed, through the job table: never for a
 * change rolled back, each message once, and no transaction held while an SMTP server answers.
 */
let p: TestPlatform;
beforeAll(async () => {
  p = await testPlatform();
});
afterAll(() => p.close());

const messagesTo = (tag: string, n: number): Mail[] => Array.from({ length: n }, (_, i) => ({ to: `${tag}-${i}@example.org`, subject: `Message ${i} for ${tag}`, text: `Text ${i}` }));
/** How many times each message of a tag reached the outbox, by recipient. */
const deliveries = (tag: string) => {
  const counts: Record<string, number> = {};
  for (const m of readOutbox(p.outboxDir)) if (m.to.startsWith(`${tag}-`)) counts[m.to] = (counts[m.to] ?? 0) + 1;
  return counts;
};
const once = (tag: string, n: number) => Object.fromEntries(messagesTo(tag, n).map((m) => [m.to, 1]));
const rowsTo = (tag: string) => p.ctx.database.db.select().from(mailMessages).where(like(mailMessages.to, `${tag}-%`)).orderBy(mailMessages.position);

/** The platform's own outbox mailer, each send slowed a little so that concurrent senders overlap. */
const slowed = (mailer: Mailer, ms: number): Mailer => ({
  describe: mailer.describe,
  send: async (mail, options) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await mailer.send(mail, options);
  },
});

describe('queueMail', () => {
  it('sends nothing for a change that rolls back after queueing its mail', async () => {
    const failed = p.ctx.database.db.transaction(async (tx) => {
      await queueMail(tx, messagesTo('rolled-back', 3));
      throw new Error('the change fails after its mail was queued');
    });
    await expect(failed).rejects.toThrow('the change fails');
    expect(await sendQueuedMail(p.ctx.database.db, p.ctx.mailer)).toBe(0);
    expect(deliveries('rolled-back')).toEqual({});
    expect(await rowsTo('rolled-back')).toEqual([]);
  });

  it('sends a committed change’s mail after commit, in order, and records each message sent (its text no longer kept)', async () => {
    await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo('committed', 3)));
    expect(deliveries('committed')).toEqual({});
    expect(await sendQueuedMail(p.ctx.database.db, p.ctx.mailer)).toBe(1);
    expect(readOutbox(p.outboxDir).filter((m) => m.to.startsWith('committed-')).map((m) => m.subject)).toEqual(['Message 0 for committed', 'Message 1 for committed', 'Message 2 for committed']);
    const rows = await rowsTo('committed');
    expect(rows.every((r) => r.sentAt instanceof Date && r.text === null && r.leasedUntil === null)).toBe(true);
  });

  it('re-sends only the unsent messages when the transport fails half-way, so each message is sent once', async () => {
    let calls = 0;
    const failsOnThird: Mailer = {
      describe: p.ctx.mailer.describe,
      send: async (mail, options) => {
        calls++;
        if (calls === 3) throw new Error('421 4.3.2 Service not available');
        await p.ctx.mailer.send(mail, options);
      },
    };
    await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo('half-way', 5)));
    expect(await sendQueuedMail(p.ctx.database.db, failsOnThird)).toBe(1);
    expect(deliveries('half-way')).toEqual({ 'half-way-0@example.org': 1, 'half-way-1@example.org': 1 });
    const afterFailure = await rowsTo('half-way');
    expect(afterFailure.map((r) => r.sentAt !== null)).toEqual([true, true, false, false, false]);
    expect(afterFailure[2]).toMatchObject({ lastError: '421 4.3.2 Service not available', leasedUntil: null, attempts: 1 });
    const [job] = await p.ctx.database.db.select().from(jobs).where(eq(jobs.key, `${MAIL_JOB}:${afterFailure[0]!.batch}`));
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: '421 4.3.2 Service not available' });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());

    // Not before its backoff; then the retry sends the three left, and only them.
    expect(await sendQueuedMail(p.ctx.database.db, failsOnThird)).toBe(0);
    const later = () => new Date(Date.now() + 60_000);
    expect(await runOneJob(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(failsOnThird) }, later)).toBe(true);
    expect(deliveries('half-way')).toEqual(once('half-way', 5));
    expect(calls).toBe(6);
    const [done] = await p.ctx.database.db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect((await rowsTo('half-way')).every((r) => r.sentAt !== null)).toBe(true);
  });

  it('a recipient the server refuses for good (5xx) does not hold back the rest of the batch; it alone is tried again', async () => {
    let refusals = 0;
    const refusesOne: Mailer = {
      describe: p.ctx.mailer.describe,
      send: async (mail, options) => {
        if (mail.to.startsWith('refused-1@')) {
          refusals++;
          throw Object.assign(new Error('550 5.1.1 No such user'), { responseCode: 550 });
        }
        await p.ctx.mailer.send(mail, options);
      },
    };
    await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo('refused', 4)));
    expect(await sendQueuedMail(p.ctx.database.db, refusesOne)).toBe(1);
    expect(deliveries('refused')).toEqual({ 'refused-0@example.org': 1, 'refused-2@example.org': 1, 'refused-3@example.org': 1 });
    expect((await rowsTo('refused')).map((r) => r.sentAt !== null)).toEqual([true, false, true, true]);
    const later = () => new Date(Date.now() + 60_000);
    expect(await runOneJob(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(refusesOne) }, later)).toBe(true);
    expect(refusals).toBe(2);
    expect(deliveries('refused')).toEqual({ 'refused-0@example.org': 1, 'refused-2@example.org': 1, 'refused-3@example.org': 1 });
    // Once the server takes it (the address corrected), it leaves, once, and the job is done.
    expect(await runOneJob(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(p.ctx.mailer) }, () => new Date(Date.now() + 10 * 60_000))).toBe(true);
    expect(deliveries('refused')).toEqual(once('refused', 4));
  });

  it('sends a message held by a process that died once its lease has ended, and not before', async () => {
    await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo('orphan', 3)));
    // The first process takes the job and the first message, and never comes back (its send hangs, as a dead process would).
    let die: (error: Error) => void = () => undefined;
    const hangs: Mailer = { describe: 'hangs', send: () => new Promise<void>((_, reject) => (die = reject)) };
    const first = runOneJob(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(hangs) });
    await expect.poll(async () => (await rowsTo('orphan'))[0]?.leasedUntil ?? null).not.toBeNull();

    // Another process finds nothing due while the lease lasts,
    expect(await sendQueuedMail(p.ctx.database.db, p.ctx.mailer)).toBe(0);
    expect(deliveries('orphan')).toEqual({});
    // and sends every message once it has ended.
    const afterLease = () => new Date(Date.now() + MESSAGE_LEASE_MS + 60_000);
    expect(await runOneJob(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(p.ctx.mailer) }, afterLease)).toBe(true);
    expect(deliveries('orphan')).toEqual(once('orphan', 3));

    // The first process's late failure changes nothing: the job stays done.
    die(new Error('connection lost'));
    expect(await first).toBe(true);
    const [row] = await rowsTo('orphan');
    const [job] = await p.ctx.database.db.select().from(jobs).where(eq(jobs.key, `${MAIL_JOB}:${row!.batch}`));
    expect(job).toMatchObject({ status: 'done', lastError: null });
    expect((await rowsTo('orphan')).every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
  });
});

describe('two senders at once', () => {
  /** A second connection to this test's database: another process, on PostgreSQL; the same engine on PGlite. */
  async function secondProcess(): Promise<{ database: Database; close: () => Promise<void> }> {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return { database: p.ctx.database, close: async () => undefined };
    const own = new URL(url);
    own.pathname = `/${rowsOf<{ name: string }>(await p.ctx.database.db.execute(sql`SELECT current_database() AS name`))[0]!.name}`;
    const database = await openDatabase({ kind: 'postgres', url: own.toString(), poolSize: 4 });
    return { database, close: () => database.close() };
  }

  it('two job runners over the same queued mail send each message once', async () => {
    const other = await secondProcess();
    try {
      for (let b = 0; b < 8; b++) await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo(`race-${b}`, 4)));
      const mailer = slowed(p.ctx.mailer, 5);
      const a = startJobRunner(p.ctx.database.db, { [MAIL_JOB]: mailDelivery(mailer) }, { intervalMs: 60_000 });
      const b = startJobRunner(other.database.db, { [MAIL_JOB]: mailDelivery(mailer) }, { intervalMs: 60_000 });
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.stop(), b.stop()]);
      expect(na + nb).toBe(8);
      for (let i = 0; i < 8; i++) expect(deliveries(`race-${i}`)).toEqual(once(`race-${i}`, 4));
    } finally {
      await other.close();
    }
  });

  it('two senders on one batch at once (a job taken over after its lease) send each message once', async () => {
    const other = await secondProcess();
    try {
      await p.ctx.database.db.transaction((tx) => queueMail(tx, messagesTo('takeover', 12)));
      const [first] = await rowsTo('takeover');
      const [row] = await p.ctx.database.db.select().from(jobs).where(eq(jobs.key, `${MAIL_JOB}:${first!.batch}`));
      const job = { id: row!.id, kind: row!.kind, key: row!.key, runAt: row!.runAt, payload: row!.payload, attempts: row!.attempts };
      const now = () => new Date();
      const mailer = slowed(p.ctx.mailer, 10);
      const results = await Promise.allSettled([
        mailDelivery(mailer).run({ db: p.ctx.database.db, job, now }),
        mailDelivery(mailer).run({ db: other.database.db, job, now }),
      ]);
      // One may see the other still sending and leave it for later; none sends a message twice.
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
      expect(deliveries('takeover')).toEqual(once('takeover', 12));
      expect((await rowsTo('takeover')).every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('an SMTP server that does not answer', () => {
  let smtp: TestPlatform;
  let server: net.Server;
  const sockets = new Set<net.Socket>();
  let connected: Promise<void>;

  beforeAll(async () => {
    // A real TCP server that accepts the connection and never says a word (no SMTP greeting).
    let onConnect: () => void = () => undefined;
    connected = new Promise((resolve) => (onConnect = resolve));
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      onConnect();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    smtp = await testPlatform({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
    await smtp.close();
  });

  it('holds no transaction while it hangs: a concurrent write through the API completes at once', async () => {
    expect(smtp.ctx.mailer.describe).toBe('smtp');
    const person = await makeAccount(smtp.ctx, smtp.app, { role: 'delegate', state: 'URY' });
    const me = await signedIn(smtp.app, person);
    const anonymous = await new Client(smtp.app).start();
    expect((await anonymous.post('/api/v1/password-resets', { email: person.email })).status).toBe(202);

    const runner = startJobRunner(smtp.ctx.database.db, jobHandlers(smtp.ctx), { intervalMs: 50 });
    try {
      await connected;
      // The mail job is now talking to a server that does not answer.
      await expect.poll(async () => (await smtp.ctx.database.db.select().from(mailMessages)).some((m) => m.leasedUntil !== null)).toBe(true);

      const started = performance.now();
      expect((await me.put('/api/v1/me/language', { language: 'fr' })).status).toBe(204);
      expect((await anonymous.post('/api/v1/password-resets', { email: person.email })).status).toBe(202);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(2000);

      // The send was still hanging all that while: nothing has been sent.
      expect([...sockets].some((s) => !s.destroyed)).toBe(true);
      expect((await smtp.ctx.database.db.select().from(mailMessages)).every((m) => m.sentAt === null)).toBe(true);
    } finally {
      // The server goes away: the send fails, is recorded, and the runner stops.
      for (const s of sockets) s.destroy();
      server.close();
      await runner.stop();
    }
    const rows = await smtp.ctx.database.db.select().from(mailMessages);
    expect(rows.every((m) => m.sentAt === null)).toBe(true);
    expect(rows.some((m) => m.lastError !== null && m.leasedUntil === null)).toBe(true);
  });
});
