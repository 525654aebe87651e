import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { tokenHash } from './topics.js';
import { updateSubscriptions, updateUnsubscribeTokens } from './tables.js';

/**
 * One click on the link of any message ends the subscription: the row and its address are deleted,
 * and nothing more is sent. A link used again, or unknown, answers the same.
 */
export async function unsubscribe(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ subscriptionId: updateUnsubscribeTokens.subscriptionId }).from(updateUnsubscribeTokens).where(eq(updateUnsubscribeTokens.tokenHash, tokenHash(token)));
    if (!found) return;
    const [row] = await tx.delete(updateSubscriptions).where(eq(updateSubscriptions.id, found.subscriptionId)).returning({ id: updateSubscriptions.id, emailDigest: updateSubscriptions.emailDigest });
    if (!row) return;
    await recordAudit(tx, { actor: null, action: 'updates.unsubscribe', subjectType: 'update-subscription', subjectId: row.id, change: { address: row.emailDigest } });
  });
}

/** The language of the subscription a link belongs to, to open its page in it. */
export async function languageOfLink(db: Db, token: string): Promise<string | null> {
  const [row] = await db
    .select({ language: updateSubscriptions.language })
    .from(updateUnsubscribeTokens)
    .innerJoin(updateSubscriptions, eq(updateSubscriptions.id, updateUnsubscribeTokens.subscriptionId))
    .where(eq(updateUnsubscribeTokens.tokenHash, tokenHash(token)));
  return row?.language ?? null;
}
