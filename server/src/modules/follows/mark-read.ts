import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { followsPolicy } from './policy.js';
import { notifications } from './tables.js';

/** A person marks their own notices read: those named, or all. Another person's notice is never touched (it is simply not among theirs). */
export async function markRead(db: Db, input: { actor: Actor; ids?: readonly string[] | undefined }): Promise<{ marked: number }> {
  authorize(input.actor, followsPolicy.own, undefined);
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.accountId, input.actor.accountId), isNull(notifications.readAt), input.ids ? inArray(notifications.id, [...input.ids]) : undefined))
      .returning({ id: notifications.id });
    if (marked.length > 0) {
      await recordAudit(tx, { actor: input.actor, action: 'follows.mark-read', subjectType: 'account', subjectId: input.actor.accountId, change: { notices: marked.map((m) => m.id).sort() } });
    }
    return { marked: marked.length };
  });
}
