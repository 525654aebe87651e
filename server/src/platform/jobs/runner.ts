import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/database.js';
import { jobs } from './tables.js';

export interface JobInfo {
  id: string;
  kind: string;
  key: string;
  runAt: Date;
  payload: unknown;
  attempts: number;
}

export interface JobHandlerContext {
  tx: Tx;
  job: JobInfo;
}
/** Does the job's work inside the claiming transaction: its writes commit with the job's completion. */
export type JobHandler = (ctx: JobHandlerContext) => Promise<void>;

/**
 * A job that talks to the world outside the database (an SMTP server) and so must hold no
 * transaction while it works. It is leased: claimed in a short transaction that moves its `run_at`
 * to the end of the lease and commits; then run with the database alone; then marked done. A process
 * that dies while holding it leaves it to fall due again when the lease ends, so its work must be
 * safe to run twice (the mail job records each message it sends).
 */
export interface LeasedJobHandler {
  leaseMs: number;
  run(ctx: { db: Db; job: JobInfo; now: () => Date }): Promise<void>;
}

/** What a runner knows how to run, by job kind. */
export type JobHandlers = Readonly<Record<string, JobHandler | LeasedJobHandler>>;

export const MAX_ATTEMPTS = 8;

/**
 * Schedules a job, or moves a pending one with the same key to a new time and payload.
 * Call it inside the transaction of the change that needs it: no change, no job.
 */
export async function scheduleJob(tx: Executor, job: { kind: string; key: string; runAt: Date; payload: unknown }): Promise<void> {
  await tx
    .insert(jobs)
    .values({ id: randomUUID(), kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload as object })
    .onConflictDoUpdate({
      target: jobs.key,
      set: { runAt: job.runAt, payload: job.payload as object, status: 'pending', attempts: 0, lastError: null, finishedAt: null },
      setWhere: sql`${jobs.status} IN ('pending', 'cancelled')`,
    });
}

/**
 * Schedules a job once for its key: a key already written (pending, running or done) is left as it is.
 * For a run per period (a day, an hour) whose key names the period: however often the platform starts
 * and however many processes run, each period's job is written once and runs once.
 */
export async function scheduleJobOnce(db: Executor, job: { kind: string; key: string; runAt: Date; payload?: unknown }): Promise<void> {
  await db
    .insert(jobs)
    .values({ id: randomUUID(), kind: job.kind, key: job.key, runAt: job.runAt, payload: (job.payload ?? {}) as object })
    .onConflictDoNothing({ target: jobs.key });
}

export async function cancelJob(tx: Executor, key: string): Promise<void> {
  await tx.update(jobs).set({ status: 'cancelled', finishedAt: new Date() }).where(and(eq(jobs.key, key), eq(jobs.status, 'pending')));
}

type Claim = { job: JobInfo; lease: null } | { job: JobInfo; lease: Date; handler: LeasedJobHandler };

/**
 * Claims and runs one due job of a kind this runner knows. Returns false when none is due. A job
 * whose handler throws is retried later with a growing delay, and marked failed after MAX_ATTEMPTS.
 */
export async function runOneJob(db: Db, handlers: JobHandlers, now: () => Date = () => new Date()): Promise<boolean> {
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return false;
  let claimed: Claim | null = null;
  try {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now()), inArray(jobs.kind, kinds)))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return 'none' as const;
      const job: JobInfo = { id: row.id, kind: row.kind, key: row.key, runAt: row.runAt, payload: row.payload, attempts: row.attempts };
      const handler = handlers[row.kind]!;
      if (typeof handler !== 'function') {
        // Leased: the attempt is counted now, so a job that kills its process still runs out of attempts.
        const lease = new Date(now().getTime() + handler.leaseMs);
        await tx.update(jobs).set({ runAt: lease, attempts: row.attempts + 1 }).where(eq(jobs.id, row.id));
        claimed = { job, lease, handler };
        return 'leased' as const;
      }
      claimed = { job, lease: null };
      await handler({ tx, job });
      await tx.update(jobs).set({ status: 'done', finishedAt: now(), attempts: row.attempts + 1 }).where(eq(jobs.id, row.id));
      return 'done' as const;
    });
    if (outcome === 'none') return false;
    const claim = claimed as Claim | null;
    if (outcome === 'leased' && claim?.lease) {
      await claim.handler.run({ db, job: claim.job, now });
      await db.update(jobs).set({ status: 'done', finishedAt: now() }).where(stillLeased(claim.job.id, claim.lease));
    }
    return true;
  } catch (error) {
    const claim = claimed as Claim | null;
    if (!claim) throw error;
    const attempts = claim.job.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    await db
      .update(jobs)
      .set({
        attempts,
        lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        status: failed ? 'failed' : 'pending',
        runAt: new Date(now().getTime() + Math.min(3_600_000, 2 ** claim.job.attempts * 5_000)),
        ...(failed ? { finishedAt: now() } : {}),
      })
      // A leased job whose lease ended meanwhile belongs to whichever process took it over.
      .where(claim.lease ? stillLeased(claim.job.id, claim.lease) : eq(jobs.id, claim.job.id));
    return true;
  }
}

const stillLeased = (id: string, lease: Date) => and(eq(jobs.id, id), eq(jobs.status, 'pending'), eq(jobs.runAt, lease));

export interface JobRunner {
  /** Runs every due job now (tests, and the loop). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Polls for due jobs every `intervalMs` and runs them one by one until none is due. */
export function startJobRunner(db: Db, handlers: JobHandlers, options: { intervalMs?: number; onError?: (error: unknown) => void; now?: () => Date } = {}): JobRunner {
  let stopped = false;
  let running: Promise<number> | null = null;
  const drain = async () => {
    let count = 0;
    while (!stopped && (await runOneJob(db, handlers, options.now))) count++;
    return count;
  };
  const tick = () => {
    if (stopped || running) return;
    running = drain()
      .catch((error: unknown) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 1000);
  timer.unref();
  return {
    drain: async () => {
      while (running) await running;
      return drain();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
