import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { badRequest, Problem } from '../../platform/http/problem.js';
import { newRecoveryCodes, passwordMatches } from './credentials.js';
import { accounts, recoveryCodes } from './tables.js';

/** Replaces all recovery codes with ten new ones, after the password is confirmed. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, password: string): Promise<string[]> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account || !(await passwordMatches(account.passwordHash, password))) {
    throw new Problem(400, 'validation', 'The request is not valid', 'Your password is not right.', { errors: [{ field: 'body.password', message: 'not right' }] });
  }
  if (!account.totpSecret) throw badRequest('This account has no second factor to recover.');
  const fresh = newRecoveryCodes();
  await db.transaction(async (tx) => {
    // One regeneration at a time per account: two at once would each delete the old codes and both
    // insert theirs, leaving a second set valid that its owner may never have kept.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, actor.accountId)).for('update');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, actor.accountId));
    await tx.insert(recoveryCodes).values(fresh.hashes.map((codeHash) => ({ accountId: actor.accountId, codeHash })));
    await recordAudit(tx, { actor, action: 'accounts.regenerate-recovery-codes', subjectType: 'account', subjectId: actor.accountId, change: { count: fresh.codes.length } });
  });
  return fresh.codes;
}
