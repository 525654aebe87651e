import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { afterFailure, forgetAfterMs, type ThrottleKeys, type ThrottleScope, type ThrottleState } from './throttle-rules.js';
import { signInThrottles } from './tables.js';

/**
 * The counts of failed sign-ins in the database (rules in throttle-rules.ts). Each failure is added
 * by one atomic upsert, so two processes, or two requests at once, never lose one.
 */

const SCOPES: readonly ThrottleScope[] = ['pair', 'address', 'account'];

export async function readThrottles(db: Executor, t: ThrottleKeys): Promise<Partial<Record<ThrottleScope, ThrottleState>>> {
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, SCOPES.map((s) => t.keys[s])));
  const found: Partial<Record<ThrottleScope, ThrottleState>> = {};
  for (const row of rows) found[row.scope] = { failures: row.failures, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil };
  return found;
}

/**
 * Counts one failure in each scope and blocks what the rules say. Returns true when this failure
 * locked the account-wide count (it was not locked before): the caller tells the owner.
 */
export async function countFailure(tx: Executor, t: ThrottleKeys, now: Date): Promise<{ accountLockedNow: boolean; lockedUntil: Date | null }> {
  let accountLockedNow = false;
  let lockedUntil: Date | null = null;
  for (const scope of SCOPES) {
    const key = t.keys[scope];
    const forgetBefore = new Date(now.getTime() - forgetAfterMs(scope));
    const [row] = await tx
      .insert(signInThrottles)
      .values({ key, scope, emailDigest: scope === 'address' ? null : t.emailDigest, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`CASE WHEN ${signInThrottles.lastFailureAt} > ${forgetBefore.toISOString()} THEN ${signInThrottles.failures} + 1 ELSE 1 END`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: signInThrottles.failures, blockedUntil: signInThrottles.blockedUntil });
    const next = afterFailure(scope, row!.failures, now);
    if (!next.blockedUntil) continue;
    const wasBlocked = !!row!.blockedUntil && row!.blockedUntil > now;
    await tx
      .update(signInThrottles)
      .set({ blockedUntil: next.blockedUntil, ...(next.restartCount ? { failures: 0 } : {}) })
      .where(eq(signInThrottles.key, key));
    if (scope === 'account' && !wasBlocked) {
      accountLockedNow = true;
      lockedUntil = next.blockedUntil;
    }
  }
  // Counts nobody added to for a day are forgotten anyway: keep the table small.
  await tx.delete(signInThrottles).where(lt(signInThrottles.lastFailureAt, new Date(now.getTime() - forgetAfterMs('account'))));
  return { accountLockedNow, lockedUntil };
}

/** A right sign-in from a source clears that source's count for the email (not the address's own, nor the account's). */
export async function clearPair(tx: Executor, t: ThrottleKeys): Promise<void> {
  await tx.delete(signInThrottles).where(eq(signInThrottles.key, t.keys.pair));
}

/** Lifts the account-wide lock (a sign-in with a recovery code during it). */
export async function clearAccountLock(tx: Executor, t: ThrottleKeys): Promise<void> {
  await tx.delete(signInThrottles).where(eq(signInThrottles.key, t.keys.account));
}

/** Forgets every count of an email (its owner has set a new password from a reset link). */
export async function clearEmail(tx: Executor, emailDigest: string): Promise<void> {
  await tx.delete(signInThrottles).where(and(eq(signInThrottles.emailDigest, emailDigest)));
}
