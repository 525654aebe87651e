import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { explanationsOfPosition, outcomes } from './tables.js';

/** After adoption, a State explains its position; recorded with the outcome. */
export async function explainPosition(db: Db, input: { actor: Actor; outcomeId: string; text: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return db.transaction(async (tx) => {
    const [outcome] = await tx.select({ id: outcomes.id }).from(outcomes).where(eq(outcomes.id, input.outcomeId));
    if (!outcome) throw notFound('The outcome');
    const id = randomUUID();
    await tx.insert(explanationsOfPosition).values({ id, outcomeId: outcome.id, state, givenBy: input.actor.accountId, text: input.text, givenAt: new Date() });
    await recordAudit(tx, { actor: input.actor, action: 'decisions.explain-position', subjectType: 'outcome', subjectId: outcome.id, change: { state, text: input.text } });
    return { id };
  });
}
