import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashPassword } from './credentials.js';
import { usableToken } from './invitations.js';
import { voidResetLinks } from './reset-links.js';
import { closeAllSessions } from './sessions.js';
import { accounts } from './tables.js';
import { clearEmail } from './throttle.js';
import { emailDigestOf } from './throttle-rules.js';

/**
 * Sets a new password from a reset link: the link and every other outstanding one are used up,
 * every session of the account is signed out, and its failed sign-ins are forgotten (which lifts a
 * lock: a new password is the way back in for an account without recovery codes).
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await usableToken(tx, token, 'password_reset');
    const [account] = await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, row.accountId)).returning({ email: accounts.email });
    const voided = await voidResetLinks(tx, row.accountId);
    await closeAllSessions(tx, row.accountId);
    if (account) await clearEmail(tx, emailDigestOf(account.email));
    await recordAudit(tx, { actor: null, action: 'accounts.reset-password', subjectType: 'account', subjectId: row.accountId, change: { at: new Date(), otherLinksVoided: voided - 1 } });
  });
}
