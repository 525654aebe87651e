import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { badRequest } from '../../platform/http/problem.js';
import { acceptTotp } from './credentials.js';
import { accounts } from './tables.js';

/**
 * A fresh second-factor check inside the caller's transaction, for an act grave enough to ask for it
 * again (a change to the directory of points of contact): the account's current TOTP code, never one
 * already used (its step is recorded, as at sign-in). An account without a second factor, or a wrong
 * or replayed code, gets a 400 naming the field, and the act does not happen.
 */
export async function confirmSecondFactor(tx: Tx, accountId: string, code: string, field = 'body.otp'): Promise<void> {
  const [account] = await tx
    .select({ secret: accounts.totpSecret, lastStep: accounts.totpLastStep })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for('update');
  const step = account?.secret ? acceptTotp(account.secret, code.replace(/\s/g, ''), account.lastStep) : null;
  if (step === null) throw badRequest('The code of your authenticator app is not right, or was already used: enter the current one.', [{ field, message: 'not right' }]);
  await tx.update(accounts).set({ totpLastStep: step }).where(eq(accounts.id, accountId));
}
