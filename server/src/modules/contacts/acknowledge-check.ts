import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { gone, notFound, Problem } from '../../platform/http/problem.js';
import { contactCheckTargets, contactCheckTokens } from './tables.js';
import { tokenHash } from './tokens.js';

export const alreadyAcknowledged = () =>
  new Problem(410, 'already-acknowledged', 'Already acknowledged', 'This acknowledgement was already recorded. Thank you: nothing else is needed.');

/**
 * A POC acknowledges a check by its link, without signing in. The answer tells only whether it was
 * recorded: nothing of the check, the POC or the State. A link works once; any later use (or a
 * reminder's link after an answer) is told that the acknowledgement was already recorded.
 */
export async function acknowledgeCheck(db: Db, token: string): Promise<{ acknowledgedAt: Date }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(contactCheckTokens).where(eq(contactCheckTokens.tokenHash, tokenHash(token)));
    if (!row) throw notFound('This link');
    const [target] = await tx.select().from(contactCheckTargets).where(eq(contactCheckTargets.id, row.targetId)).for('update');
    if (!target) throw notFound('This link');
    if (target.answeredAt) throw alreadyAcknowledged();
    const now = new Date();
    if (row.expiresAt <= now) throw gone('This link has expired.');
    await tx.update(contactCheckTargets).set({ answeredAt: now }).where(eq(contactCheckTargets.id, target.id));
    await recordAudit(tx, { actor: null, action: 'contacts.acknowledge-check', subjectType: 'contact-check-target', subjectId: target.id, change: { checkId: target.checkId, at: now } });
    return { acknowledgedAt: now };
  });
}
