import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { newTokenPair } from './credentials.js';
import { passwordResetMail } from './mail-texts.js';
import { accounts, accountTokens } from './tables.js';

export const RESET_MINUTES = 60;

/**
 * Sends a single-use reset link to an active account (the mail leaves after commit). Answers the
 * same whether or not the account exists; the mail is the only sign.
 */
export async function requestPasswordReset(ctx: PlatformContext, email: string): Promise<void> {
  const db = ctx.database.db;
  const normalised = email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, normalised));
    if (!account || account.status !== 'active') return;
    const { token, hash } = newTokenPair();
    const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
    await tx.insert(accountTokens).values({ tokenHash: hash, kind: 'password_reset', accountId: account.id, expiresAt });
    await recordAudit(tx, {
      actor: null,
      action: 'accounts.request-password-reset',
      subjectType: 'account',
      subjectId: account.id,
      change: { expiresAt },
    });
    const link = `${ctx.config.publicUrl}/${account.language}/reset-password/${token}`;
    await queueMail(tx, [{ to: account.email, ...passwordResetMail(account.language, { name: account.name, link, minutes: RESET_MINUTES }) }]);
  });
}
