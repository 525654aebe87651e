import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { gone } from '../../platform/http/problem.js';
import type { Language } from '../../kernel/languages.js';
import { scheduleDigest } from './digest.js';
import { tokenHash, type Topic } from './topics.js';
import { updateSubscriptions } from './tables.js';

/**
 * The confirmation link is used: the subscription starts (or takes its new language and topics).
 * The link works once and until it expires; what is new is counted from the first confirmation.
 */
export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<{ language: Language; topics: Topic[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(updateSubscriptions).where(eq(updateSubscriptions.confirmTokenHash, tokenHash(token))).for('update');
    if (!row || !row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime()) throw gone('This confirmation link has expired or was already used.');
    const first = row.status !== 'confirmed';
    await tx
      .update(updateSubscriptions)
      .set({
        status: 'confirmed',
        language: row.requestedLanguage,
        topics: row.requestedTopics,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        confirmedAt: row.confirmedAt ?? now,
        lastDigestAt: first ? now : row.lastDigestAt,
      })
      .where(eq(updateSubscriptions.id, row.id));
    await recordAudit(tx, {
      actor: null,
      action: 'updates.confirm',
      subjectType: 'update-subscription',
      subjectId: row.id,
      change: { address: row.emailDigest, language: row.requestedLanguage, topics: row.requestedTopics },
    });
    await scheduleDigest(tx, now);
    return { language: row.requestedLanguage, topics: row.requestedTopics };
  });
}
