import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import type { Thing } from './kinds.js';
import { followsPolicy } from './policy.js';
import { follows } from './tables.js';

/** A person stops following a thing (whether or not they still may see it); nothing happens if they did not follow it. */
export async function unfollow(db: Db, input: { actor: Actor; thing: Thing }): Promise<void> {
  authorize(input.actor, followsPolicy.own, undefined);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(follows)
      .where(and(eq(follows.accountId, input.actor.accountId), eq(follows.kind, input.thing.kind), eq(follows.targetId, input.thing.id)))
      .returning({ kind: follows.kind });
    if (!removed) return;
    await recordAudit(tx, { actor: input.actor, action: 'follows.unfollow', subjectType: input.thing.kind, subjectId: input.thing.id, change: { account: input.actor.accountId } });
  });
}
