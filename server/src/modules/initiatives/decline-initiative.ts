import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { initiativesPolicy } from './policy.js';
import { initiatives } from './tables.js';
import type { InitiativeRow } from './reading.js';

/** The Secretariat declines a proposed initiative, with a reason the proposer sees; it never becomes public. */
export async function declineInitiative(db: Db, input: { actor: Actor; id: string; reason: string }): Promise<InitiativeRow> {
  authorize(input.actor, initiativesPolicy.review, undefined);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(initiatives).where(eq(initiatives.id, input.id)).for('update');
    if (!current) throw notFound('The initiative');
    if (!initiativesPolicy.decline.allows(input.actor, current)) throw conflict(`The initiative is ${current.status}: only a proposed initiative can be declined.`, 'initiative-decided');
    const now = new Date();
    const [row] = await tx
      .update(initiatives)
      .set({ status: 'declined', declineReason: input.reason, decidedAt: now, updatedAt: now, version: current.version + 1 })
      .where(eq(initiatives.id, input.id))
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'initiatives.decline',
      subjectType: 'initiative',
      subjectId: input.id,
      change: { status: 'declined', reason: input.reason, version: current.version + 1 },
    });
    return row!;
  });
}
