import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { findOrganisation } from '../stakeholders/index.js';
import { newTokenPair } from './credentials.js';
import { INVITATION_DAYS, needsSecondFactor } from './invitations.js';
import { invitationMail, representativeMail } from './mail-texts.js';
import { accountsPolicy } from './policy.js';
import { accountRoles, accounts, accountTokens } from './tables.js';

/**
 * When the person invited as a representative of an organisation already has an account: makes that
 * account a `stakeholder` representative of the organisation, audited, and tells the person by email
 * (a sign-in link, or an invitation link when the account has no password yet). A person acts for one
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
    // An account left with no role (its role was taken back): it becomes the organisation's representative.
    const status = account.passwordHash ? 'active' : 'invited';
    await tx.update(accounts).set({ organisationId: organisation.id, status }).where(eq(accounts.id, account.id));
    await tx.insert(accountRoles).values({ accountId: account.id, role: 'stakeholder' });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'accounts.grant-role',
      subjectType: 'account',
      subjectId: account.id,
      change: { role: 'stakeholder', organisationId: organisation.id, status },
    });
    const base = `${ctx.config.publicUrl}/${account.language}`;
    if (account.passwordHash) {
      await queueMail(tx, [{ to: email, ...representativeMail(account.language, { name: account.name, organisation: organisation.name, signInLink: `${base}/sign-in` }) }]);
    } else {
      const { token, hash } = newTokenPair();
      await tx.insert(accountTokens).values({ tokenHash: hash, kind: 'invitation', accountId: account.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) });
      await queueMail(tx, [{ to: email, ...invitationMail(account.language, { name: account.name, role: 'stakeholder', stateName: null, link: `${base}/invitation/${token}`, days: INVITATION_DAYS, secondFactor: needsSecondFactor(['stakeholder']) }) }]);
    }
    return { id: account.id, email, granted: true };
  });
}
