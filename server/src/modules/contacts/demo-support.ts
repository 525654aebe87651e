import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Actor } from '../../kernel/actor.js';
import { cancelJob } from '../../platform/jobs/runner.js';
import { insertNomination, type NominationInput } from './nominate-poc.js';
import { contactCheckTargets, contactChecks } from './tables.js';
import { CHECK_ESCALATE_JOB, CHECK_REMIND_JOB } from './check-jobs.js';

/**
 * For the demo's seed alone; no route reaches these. The seed is the platform making a living past:
 * it nominates without a person's second factor (the focal points' codes are kept for their first
 * real sign-in), and moves a check it ran into the past, with the answers it simulates.
 */
export async function seedNomination(ctx: PlatformContext, input: { actor: Actor; nomination: NominationInput; accountId: string | null }): Promise<string> {
  return ctx.database.db.transaction((tx) => insertNomination(tx, input.actor, input.actor.state!, input.nomination, input.accountId));
}

/** Moves a check `daysAgo` into the past, completed, each POC having answered after the minutes given (null: never). */
export async function backdateCheck(ctx: PlatformContext, checkId: string, daysAgo: number, answerMinutes: (state: string, role: string) => number | null): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const start = new Date(Date.now() - daysAgo * 86_400_000);
    const [check] = await tx.select().from(contactChecks).where(eq(contactChecks.id, checkId));
    if (!check) return;
    await tx.update(contactChecks).set({ createdAt: start, expiresAt: new Date(start.getTime() + (check.expiresAt.getTime() - check.createdAt.getTime())) }).where(eq(contactChecks.id, checkId));
    for (const t of await tx.select().from(contactCheckTargets).where(eq(contactCheckTargets.checkId, checkId))) {
      const minutes = answerMinutes(t.state, t.role);
      await tx
        .update(contactCheckTargets)
        .set({
          sentAt: start,
          answeredAt: minutes === null ? null : new Date(start.getTime() + minutes * 60_000),
          remindedAt: minutes === null || minutes > check.remindAfterHours * 60 ? new Date(start.getTime() + check.remindAfterHours * 3_600_000) : null,
          escalatedAt: minutes === null || minutes > check.escalateAfterHours * 60 ? new Date(start.getTime() + check.escalateAfterHours * 3_600_000) : null,
        })
        .where(eq(contactCheckTargets.id, t.id));
    }
    await cancelJob(tx, `${CHECK_REMIND_JOB}:${checkId}`);
    await cancelJob(tx, `${CHECK_ESCALATE_JOB}:${checkId}`);
  });
}
