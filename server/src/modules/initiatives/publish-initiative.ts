import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { initiativesPolicy } from './policy.js';
import { initiatives } from './tables.js';
import type { InitiativeRow } from './reading.js';

/** The Secretariat publishes a proposed initiative: from then on it is public, and shown on the pages of the elements it serves. */
export async function publishInitiative(db: Db, input: { actor: Actor; id: string }): Promise<InitiativeRow> {
  authorize(input.actor, initiativesPolicy.review, undefined);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(initiatives).where(eq(initiatives.id, input.id)).for('update');
    if (!current) throw notFound('The initiative');
    if (!initiativesPolicy.publish.allows(input.actor, current)) throw conflict(`The initiative is ${current.status}: only a proposed initiative can be published.`, 'initiative-decided');
    const now = new Date();
    const [row] = await tx
      .update(initiatives)
      .set({ status: 'published', decidedAt: now, updatedAt: now, version: current.version + 1 })
      .where(eq(initiatives.id, input.id))
      .returning();
    await recordAudit(tx, { actor: input.actor, action: 'initiatives.publish', subjectType: 'initiative', subjectId: input.id, change: { status: 'published', version: current.version + 1 } });
    return row!;
  });
}
