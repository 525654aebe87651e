import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { accountTokens } from './tables.js';

/**
 * Voids every outstanding password-reset link of an account: once its password has changed (by the
 * person, or from one of the links), an older link, perhaps sitting in a mailbox someone else can
 * read, must not change it again. Returns how many were voided.
 */
export async function voidResetLinks(tx: Executor, accountId: string, now = new Date()): Promise<number> {
  const voided = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.kind, 'password_reset'), isNull(accountTokens.usedAt)))
    .returning({ hash: accountTokens.tokenHash });
  return voided.length;
}
