import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { findOrganisation } from '../stakeholders/index.js';
import { newTokenPair } from './credentials.js';
import { INVITATION_DAYS } from './invitations.js';
import { representativeMail } from './mail-texts.js';
import { accountsPolicy } from './policy.js';
import { accountRoles, accounts, accountTokens, recoveryCodes, sessions } from './tables.js';

/**
 * When the person invited as a representative of an organisation already has an account: makes that
 * account a `stakeholder` representative of the organisation, audited, and mails the person an
 * invitation link to choose a new password (the account's old credentials are cleared). A person acts for one
 * party only: an account of a State, of the Secretariat or chair, or of another organisation is
 * refused (409). An account already representing the organisation is left as it is (`granted: false`).
 * Returns null when no account has this email.
 */
export async function grantStakeholderRole(
  ctx: PlatformContext,
  input: { actor: Actor | null; email: string; organisationId: string },
): Promise<{ id: string; email: string; granted: boolean } | null> {
  if (input.actor) authorize(input.actor, accountsPolicy.invite, { role: 'stakeholder', state: null, organisationId: input.organisationId });
  const db = ctx.database.db;
  const organisation = await findOrganisation(db, input.organisationId);
  if (!organisation) throw notFound('The organisation');
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, email)).for('update');
    if (!account) return null;
    const roles = (await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, account.id))).map((r) => r.role);
    const ours = account.organisationId === organisation.id;
    if (ours && roles.includes('stakeholder')) return { id: account.id, email, granted: false };
    if (account.state || (account.organisationId && !ours) || roles.length > 0)
      throw conflict('This email belongs to an account that acts for a State, the Secretariat or another organisation: a representative needs an account of their own.', 'account-acts-for-another');
    // An account left with no role was disabled when its last role was taken back. It becomes the
    // organisation's representative as a person newly invited does: through an invitation link mailed
    // to its address, choosing a new password. What it signed in with while it acted for another party
    // (password, second factor, recovery codes, outstanding links) is not revived by someone else's
    // invitation: its owner proves again that the address is theirs.
    const status = 'invited';
    await tx.update(accounts).set({ organisationId: organisation.id, status, passwordHash: null, totpSecret: null, totpLastStep: null }).where(eq(accounts.id, account.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, account.id));
    await tx.delete(accountTokens).where(eq(accountTokens.accountId, account.id));
    await tx.delete(sessions).where(eq(sessions.accountId, account.id));
    await tx.insert(accountRoles).values({ accountId: account.id, role: 'stakeholder' });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'accounts.grant-role',
      subjectType: 'account',
      subjectId: account.id,
      change: { role: 'stakeholder', organisationId: organisation.id, status, credentialsCleared: true },
    });
    const { token, hash } = newTokenPair();
    await tx.insert(accountTokens).values({ tokenHash: hash, kind: 'invitation', accountId: account.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) });
    const link = `${ctx.config.publicUrl}/${account.language}/invitation/${token}`;
    await queueMail(tx, [{ to: email, ...representativeMail(account.language, { name: account.name, organisation: organisation.name, link, days: INVITATION_DAYS }) }]);
    return { id: account.id, email, granted: true };
  });
}
