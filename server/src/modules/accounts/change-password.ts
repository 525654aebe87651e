import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { badRequest, Problem } from '../../platform/http/problem.js';
import { hashPassword, passwordMatches } from './credentials.js';
import { voidResetLinks } from './reset-links.js';
import { closeOtherSessions } from './sessions.js';
import { accounts } from './tables.js';

const wrongPassword = () =>
  new Problem(400, 'validation', 'The request is not valid', 'Your current password is not right.', {
    errors: [{ field: 'body.currentPassword', message: 'not right' }],
  });

/** Changes one's own password; other sessions are signed out and outstanding reset links voided. */
export async function changePassword(db: Db, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account || !(await passwordMatches(account.passwordHash, currentPassword))) throw wrongPassword();
  if (currentPassword === newPassword) throw badRequest('Choose a password different from the current one.', [{ field: 'body.newPassword', message: 'same as the current one' }]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.accountId));
    const sessionsClosed = await closeOtherSessions(tx, actor);
    const linksVoided = await voidResetLinks(tx, actor.accountId);
    await recordAudit(tx, { actor, action: 'accounts.change-password', subjectType: 'account', subjectId: actor.accountId, change: { at: new Date(), sessionsClosed, linksVoided } });
  });
}
