import { randomUUID } from 'node:crypto';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/database.js';
import { jobs } from './tables.js';

export interface JobHandlerContext {
  tx: Tx;
  job: { id: string; kind: string; key: string; runAt: Date; payload: unknown; attempts: number };
}
/** Does the job's work inside the claiming transaction: its writes commit with the job's completion. */
export type JobHandler = (ctx: JobHandlerContext) => Promise<void>;

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

export async function cancelJob(tx: Executor, key: string): Promise<void> {
  await tx.update(jobs).set({ status: 'cancelled', finishedAt: new Date() }).where(and(eq(jobs.key, key), eq(jobs.status, 'pending')));
}

/**
 * Claims and runs one due job. Returns false when none is due. A job whose handler throws is retried
 * later with a growing delay, and marked failed after MAX_ATTEMPTS.
 */
export async function runOneJob(db: Db, handlers: Readonly<Record<string, JobHandler>>, now: () => Date = () => new Date()): Promise<boolean> {
  let claimed: { id: string; attempts: number } | null = null;
  try {
    return await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now())))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!job) return false;
      claimed = { id: job.id, attempts: job.attempts };
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
      await handler({ tx, job: { id: job.id, kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload, attempts: job.attempts } });
      await tx.update(jobs).set({ status: 'done', finishedAt: now(), attempts: job.attempts + 1 }).where(eq(jobs.id, job.id));
      return true;
    });
  } catch (error) {
    if (!claimed) throw error;
    const { id, attempts } = claimed as { id: string; attempts: number };
    const failed = attempts + 1 >= MAX_ATTEMPTS;
    await db
      .update(jobs)
      .set({
        attempts: attempts + 1,
        lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        status: failed ? 'failed' : 'pending',
        runAt: new Date(now().getTime() + Math.min(3_600_000, 2 ** attempts * 5_000)),
        ...(failed ? { finishedAt: now() } : {}),
      })
      .where(eq(jobs.id, id));
    return true;
  }
}

export interface JobRunner {
  /** Runs every due job now (tests, and the loop). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Polls for due jobs every `intervalMs` and runs them one by one until none is due. */
export function startJobRunner(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  options: { intervalMs?: number; onError?: (error: unknown) => void; now?: () => Date } = {},
): JobRunner {
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
