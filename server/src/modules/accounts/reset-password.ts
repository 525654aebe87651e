import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashPassword } from './credentials.js';
import { usableToken } from './invitations.js';
import { closeAllSessions } from './sessions.js';
import { accounts, accountTokens } from './tables.js';

/** Sets a new password from a reset link; every session of the account is signed out. */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await usableToken(tx, token, 'password_reset');
    await tx.update(accounts).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(accounts.id, row.accountId));
    await tx.update(accountTokens).set({ usedAt: new Date() }).where(eq(accountTokens.tokenHash, row.tokenHash));
    await closeAllSessions(tx, row.accountId);
    await recordAudit(tx, { actor: null, action: 'accounts.reset-password', subjectType: 'account', subjectId: row.accountId, change: { at: new Date() } });
  });
}
