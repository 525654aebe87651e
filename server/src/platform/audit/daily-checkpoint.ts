import type { Db, Executor } from '../db/database.js';
import { scheduleJobOnce, type JobHandler } from '../jobs/runner.js';
import { signAuditCheckpoint } from './checkpoint.js';
import type { AuditSigner } from './signing-key.js';

export const AUDIT_CHECKPOINT_JOB = 'audit-checkpoint';

const dayKey = (day: Date) => `${AUDIT_CHECKPOINT_JOB}:${day.toISOString().slice(0, 10)}`;
const nextMidnightUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

/**
 * One checkpoint job per UTC day, keyed by the day: however often the platform restarts and however
 * many processes run, each day's job is written once and runs once.
 */
async function scheduleDay(db: Executor, runAt: Date): Promise<void> {
  await scheduleJobOnce(db, { kind: AUDIT_CHECKPOINT_JOB, key: dayKey(runAt), runAt });
}

/** At start: today's checkpoint (due now, unless it already ran today) and tomorrow's. */
export async function scheduleDailyCheckpoints(db: Db, now: Date = new Date()): Promise<void> {
  await scheduleDay(db, now);
  await scheduleDay(db, nextMidnightUtc(now));
}

/** Signs the head, and writes the next day's job in the same transaction. */
export const dailyCheckpointHandler =
  (signer: AuditSigner, now: () => Date = () => new Date()): JobHandler =>
  async ({ tx }) => {
    await signAuditCheckpoint(tx, signer, now());
    await scheduleDay(tx, nextMidnightUtc(now()));
  };
