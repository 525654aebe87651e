import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { newTokenPair } from './credentials.js';
import { passwordResetMail } from './mail-texts.js';
import { accounts, accountTokens } from './tables.js';

export const RESET_MINUTES = 60;
export const PASSWORD_RESET_JOB = 'accounts.password-reset';

/**
 * Asks for a reset link. The request itself only queues a job with the email as typed, the same
 * single write whether or not an account has that email, and is answered at once: neither the
 * answer nor its time tells whether the account exists. The job (passwordResetHandler) looks the
 * account up and mails the link; the mail is the only sign.
 */
export async function requestPasswordReset(db: Executor, email: string): Promise<void> {
  const id = randomUUID();
  await scheduleJob(db, { kind: PASSWORD_RESET_JOB, key: `${PASSWORD_RESET_JOB}:${id}`, runAt: new Date(), payload: { email: email.trim().toLowerCase() } });
}

/** The job: sends a single-use reset link to an active account with that email (after commit); nothing for any other. */
export function passwordResetHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { email } = job.payload as { email: string };
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, email));
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
  };
}
