import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from './support/platform.js';
import type { Database } from '../src/platform/db/database.js';
import { cancelJob, runOneJob, scheduleJob, startJobRunner, MAX_ATTEMPTS, type JobHandler } from '../src/platform/jobs/runner.js';
import { jobs } from '../src/platform/jobs/tables.js';
import { openDatabase, rowsOf } from '../src/platform/db/database.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await testDatabase());
  await database.db.execute(sql`CREATE TABLE job_effects (key text, at timestamptz DEFAULT now())`);
});
afterAll(() => drop());

const recordEffect: JobHandler = async ({ tx, job }) => {
  await tx.execute(sql`INSERT INTO job_effects (key) VALUES (${job.key})`);
};
const effects = async (key: string): Promise<number> =>
  rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM job_effects WHERE key = ${key}`))[0]!.n;

describe('durable jobs', () => {
  it('runs a due job once, and not a job that is not due', async () => {
    await scheduleJob(database.db, { kind: 'effect', key: 'due-1', runAt: new Date(Date.now() - 1000), payload: {} });
    await scheduleJob(database.db, { kind: 'effect', key: 'later-1', runAt: new Date(Date.now() + 3_600_000), payload: {} });
    const runner = startJobRunner(database.db, { effect: recordEffect }, { intervalMs: 60_000 });
    expect(await runner.drain()).toBe(1);
    expect(await runner.drain()).toBe(0);
    await runner.stop();
    expect(await effects('due-1')).toBe(1);
    expect(await effects('later-1')).toBe(0);
  });

  it('survives a restart: a job scheduled before is run by the next process', async () => {
    await scheduleJob(database.db, { kind: 'effect', key: 'restart-1', runAt: new Date(Date.now() - 1000), payload: {} });
    // the first runner stops before running anything (a process that went down)
    const first = startJobRunner(database.db, { effect: recordEffect }, { intervalMs: 60_000 });
    await first.stop();
    const second = startJobRunner(database.db, { effect: recordEffect }, { intervalMs: 60_000 });
    await second.drain();
    await second.stop();
    expect(await effects('restart-1')).toBe(1);
  });

  it('rolls back a failing job with its effects, retries it later, and gives up after the last attempt', async () => {
    let calls = 0;
    const failing: JobHandler = async (ctx) => {
      calls++;
      await recordEffect(ctx);
      throw new Error('SMTP unreachable');
    };
    await scheduleJob(database.db, { kind: 'failing', key: 'fail-1', runAt: new Date(Date.now() - 1000), payload: {} });
    let clock = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      clock += 2 * 3_600_000;
      while (await runOneJob(database.db, { failing, effect: recordEffect }, () => new Date(clock)));
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(await effects('fail-1')).toBe(0);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.key, 'fail-1'));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'SMTP unreachable' });
  });

  it('moves a pending job when rescheduled, and runs nothing once cancelled', async () => {
    await scheduleJob(database.db, { kind: 'effect', key: 'move-1', runAt: new Date(Date.now() + 3_600_000), payload: { n: 1 } });
    await scheduleJob(database.db, { kind: 'effect', key: 'move-1', runAt: new Date(Date.now() - 1000), payload: { n: 2 } });
    const [moved] = await database.db.select().from(jobs).where(eq(jobs.key, 'move-1'));
    expect(moved!.payload).toEqual({ n: 2 });
    await cancelJob(database.db, 'move-1');
    while (await runOneJob(database.db, { effect: recordEffect }));
    expect(await effects('move-1')).toBe(0);
  });

  it('leaves a job of a kind it does not run to a runner that does (mail has a runner of its own)', async () => {
    await scheduleJob(database.db, { kind: 'effect', key: 'kind-1', runAt: new Date(Date.now() - 1000), payload: {} });
    expect(await runOneJob(database.db, { other: recordEffect })).toBe(false);
    const [untouched] = await database.db.select().from(jobs).where(eq(jobs.key, 'kind-1'));
    expect(untouched).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    while (await runOneJob(database.db, { effect: recordEffect }));
    expect(await effects('kind-1')).toBe(1);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('runs each job once with two processes claiming at the same time (PostgreSQL)', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const own = (await database.db.execute(sql`SELECT current_database() AS name`)) as unknown as { rows: { name: string }[] };
    url.pathname = `/${own.rows[0]!.name}`;
    const other = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    try {
      for (let i = 0; i < 40; i++) await scheduleJob(database.db, { kind: 'effect', key: `race-${i}`, runAt: new Date(Date.now() - 1000), payload: {} });
      const a = startJobRunner(database.db, { effect: recordEffect }, { intervalMs: 60_000 });
      const b = startJobRunner(other.db, { effect: recordEffect }, { intervalMs: 60_000 });
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.stop(), b.stop()]);
      expect(na + nb).toBe(40);
      const dup = (await database.db.execute(sql`SELECT key FROM job_effects WHERE key LIKE 'race-%' GROUP BY key HAVING count(*) > 1`)) as unknown as { rows: unknown[] };
      expect(dup.rows).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
