import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import type { Thing } from './kinds.js';
import { followsPolicy } from './policy.js';
import { follows } from './tables.js';
import { readers } from './things.js';
import { scheduleReminders } from './notice.js';

/** What a 404 says of a thing one may not follow: the same whether it does not exist or is not the caller's to see. */
export const NOT_FOUND = 'The thing to follow';

/**
 * A person follows a thing they may see, once (following again changes nothing). A thing they may not
 * see is not found: nothing tells it from one that does not exist.
 */
export async function follow(db: Db, input: { actor: Actor; thing: Thing }): Promise<void> {
  const seen = await readers[input.thing.kind](db, input.actor, input.thing.id);
  if (!seen) throw notFound(NOT_FOUND);
  authorize(input.actor, followsPolicy.follow, { seen: true });
  await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(follows)
      .values({ accountId: input.actor.accountId, kind: input.thing.kind, targetId: input.thing.id, createdAt: new Date() })
      .onConflictDoNothing()
      .returning({ kind: follows.kind });
    if (!inserted) return;
    await scheduleReminders(tx, input.thing, seen.deadlineAt);
    await recordAudit(tx, { actor: input.actor, action: 'follows.follow', subjectType: input.thing.kind, subjectId: input.thing.id, change: { account: input.actor.accountId } });
  });
}

/** Whether the person follows the thing. */
export async function isFollowing(db: Db, accountId: string, thing: Thing): Promise<boolean> {
  const [row] = await db
    .select({ kind: follows.kind })
    .from(follows)
    .where(and(eq(follows.accountId, accountId), eq(follows.kind, thing.kind), eq(follows.targetId, thing.id)));
  return !!row;
}
