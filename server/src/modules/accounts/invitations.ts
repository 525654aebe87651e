import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { ROLES_REQUIRING_SECOND_FACTOR, type Actor, type Role } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict, gone, notFound } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import { invitationMail } from './mail-texts.js';
import { findOrganisation } from '../stakeholders/index.js';
import { acceptTotp, hashPassword, newRecoveryCodes, newTokenPair, newTotpSecret, tokenHash, totpUri } from './credentials.js';
import { accountsPolicy } from './policy.js';
import { openSession } from './open-session.js';
import type { NewSession, SessionRules } from './sessions.js';
import { accountRoles, accounts, accountTokens, recoveryCodes } from './tables.js';
import type { Language } from '../../kernel/languages.js';

export const INVITATION_DAYS = 7;

export interface InvitationInput {
  /** Who invites; null for the platform's own administration tool. */
  actor: Actor | null;
  email: string;
  name: string;
  role: Role;
  state?: string | undefined;
  organisationId?: string | undefined;
  /** The language of the invitation and of the account's later emails; English when not given. */
  language?: Language | undefined;
}

/**
 * A point of contact reads the most sensitive data of the platform: its account always has a second
 * factor, whatever the list of roles requiring one at sign-in says.
 */
export const needsSecondFactor = (roles: readonly Role[]) => roles.some((r) => ROLES_REQUIRING_SECOND_FACTOR.includes(r) || r === 'poc');

/** Checks that a role comes with the scope it needs, and only that scope. */
function scopeOf(input: InvitationInput): { state: string | null; organisationId: string | null } {
  const state = input.state?.toUpperCase() ?? null;
  const organisationId = input.organisationId ?? null;
  const stateRole = input.role === 'focal_point' || input.role === 'delegate' || input.role === 'poc';
  if (stateRole && !state) throw badRequest('A focal point, delegate or point of contact belongs to a State: give its code.', [{ field: 'body.state', message: 'required for this role' }]);
  if (!stateRole && state) throw badRequest('Only focal points, delegates and points of contact belong to a State.', [{ field: 'body.state', message: 'not allowed for this role' }]);
  if (input.role === 'stakeholder' && !organisationId)
    throw badRequest('A stakeholder representative acts for an organisation.', [{ field: 'body.organisationId', message: 'required for this role' }]);
  if (input.role !== 'stakeholder' && organisationId)
    throw badRequest('Only stakeholder representatives act for an organisation.', [{ field: 'body.organisationId', message: 'not allowed for this role' }]);
  return { state, organisationId };
}

/**
 * Invites a person: creates the account, waiting for its password, and emails a single-use link.
 * The mail is queued in the transaction and leaves after commit, retried until it is sent.
 */
export async function inviteAccount(ctx: PlatformContext, input: InvitationInput): Promise<{ id: string; email: string; expiresAt: Date; link: string }> {
  const { state, organisationId } = scopeOf(input);
  if (input.actor) authorize(input.actor, accountsPolicy.invite, { role: input.role, state, organisationId });
  const db = ctx.database.db;
  const language = input.language ?? 'en';
  const stateName = state ? (await getState(db, state)).names[language] : null;
  if (organisationId && !(await findOrganisation(db, organisationId))) throw notFound('The organisation');
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    const taken = () => conflict('An account with this email already exists.', 'account-exists');
    if (existing) throw taken();
    const id = randomUUID();
    const inserted = await tx
      .insert(accounts)
      .values({ id, email, name: input.name.trim(), status: 'invited', state, organisationId, language })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    // Invited by another request at the same moment, whose transaction committed first.
    if (inserted.length === 0) throw taken();
    await tx.insert(accountRoles).values({ accountId: id, role: input.role });
    const { token, hash } = newTokenPair();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await tx.insert(accountTokens).values({ tokenHash: hash, kind: 'invitation', accountId: id, expiresAt });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'accounts.invite',
      subjectType: 'account',
      subjectId: id,
      change: { email, name: input.name.trim(), role: input.role, state, organisationId, language, expiresAt },
    });
    const link = `${ctx.config.publicUrl}/${language}/invitation/${token}`;
    const mail = invitationMail(language, {
      name: input.name.trim(),
      role: input.role,
      stateName,
      link,
      days: INVITATION_DAYS,
      secondFactor: needsSecondFactor([input.role]),
    });
    await queueMail(tx, [{ to: email, ...mail }]);
    return { id, email, expiresAt, link };
  });
}

/**
 * For an active account whose role came to require a second factor it does not have (chairs, since
 * they too must): mails a link to the invitation page, where the person sets a password and the
 * second factor. At most one such link is outstanding at a time.
 */
export async function offerEnrolment(ctx: PlatformContext, tx: Tx, account: { id: string; email: string; name: string; state: string | null; language: Language }, roles: readonly Role[]): Promise<void> {
  const [pending] = await tx
    .select({ hash: accountTokens.tokenHash })
    .from(accountTokens)
    .where(and(eq(accountTokens.accountId, account.id), eq(accountTokens.kind, 'invitation'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())));
  if (pending) return;
  const { token, hash } = newTokenPair();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await tx.insert(accountTokens).values({ tokenHash: hash, kind: 'invitation', accountId: account.id, expiresAt });
  await recordAudit(tx, { actor: null, action: 'accounts.offer-second-factor', subjectType: 'account', subjectId: account.id, change: { expiresAt } });
  const stateName = account.state ? (await getState(tx, account.state)).names[account.language] : null;
  const link = `${ctx.config.publicUrl}/${account.language}/invitation/${token}`;
  const role = roles.find((r) => ROLES_REQUIRING_SECOND_FACTOR.includes(r)) ?? roles[0]!;
  await queueMail(tx, [{ to: account.email, ...invitationMail(account.language, { name: account.name, role, stateName, link, days: INVITATION_DAYS, secondFactor: true }) }]);
}

/** A usable token of a kind, locked for the caller's transaction; 404 when unknown, 410 when used or expired. */
export async function usableToken(tx: Tx, token: string, kind: 'invitation' | 'password_reset') {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, tokenHash(token)), eq(accountTokens.kind, kind)))
    .for('update');
  if (!row) throw notFound('This link');
  if (row.usedAt) throw gone('This link has already been used.');
  if (row.expiresAt <= new Date()) throw gone('This link has expired; ask for a new one.');
  return row;
}

async function invitedAccount(tx: Tx, accountId: string) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  const roles = (await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId))).map((r) => r.role);
  if (!account) throw notFound('This link');
  return { account, roles };
}

export async function describeInvitation(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const row = await usableToken(tx, token, 'invitation');
    const { account, roles } = await invitedAccount(tx, row.accountId);
    const organisation = account.organisationId ? await findOrganisation(tx, account.organisationId) : null;
    return {
      email: account.email,
      name: account.name,
      roles,
      state: account.state,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      secondFactorRequired: needsSecondFactor(roles),
    };
  });
}

/** Offers a new TOTP secret to the invited person; the first valid code confirms it at acceptance. */
export async function offerSecondFactor(db: Db, token: string): Promise<{ secret: string; otpauthUri: string }> {
  return db.transaction(async (tx) => {
    const row = await usableToken(tx, token, 'invitation');
    const { account } = await invitedAccount(tx, row.accountId);
    const secret = newTotpSecret();
    await tx.update(accountTokens).set({ pendingTotpSecret: secret }).where(eq(accountTokens.tokenHash, row.tokenHash));
    return { secret, otpauthUri: totpUri(secret, account.email) };
  });
}

/**
 * Accepts an invitation: sets the password and, where the role requires it or the person chose it,
 * the second factor; gives one-time recovery codes; signs in.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string; otp?: string | undefined; userAgent?: string | undefined },
  rules: SessionRules,
): Promise<{ session: NewSession; accountId: string; recoveryCodes: string[] | null }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await usableToken(tx, input.token, 'invitation');
    const { account, roles } = await invitedAccount(tx, row.accountId);
    const required = needsSecondFactor(roles);
    let totpSecret: string | null = null;
    let totpLastStep: number | null = null;
    if (required || input.otp) {
      if (!row.pendingTotpSecret) throw badRequest('Set up the second factor first.', [{ field: 'body.otp', message: 'set up the second factor first' }]);
      const step = input.otp ? acceptTotp(row.pendingTotpSecret, input.otp.replace(/\s/g, ''), null) : null;
      if (step === null) throw badRequest('The code is not right: check the clock of your device.', [{ field: 'body.otp', message: 'not right' }]);
      totpSecret = row.pendingTotpSecret;
      totpLastStep = step;
    }
    await tx.update(accounts).set({ passwordHash, totpSecret, totpLastStep, status: 'active' }).where(eq(accounts.id, account.id));
    await tx.update(accountTokens).set({ usedAt: new Date(), pendingTotpSecret: null }).where(eq(accountTokens.tokenHash, row.tokenHash));
    let codes: string[] | null = null;
    if (totpSecret) {
      const fresh = newRecoveryCodes();
      codes = fresh.codes;
      await tx.insert(recoveryCodes).values(fresh.hashes.map((codeHash) => ({ accountId: account.id, codeHash })));
    }
    const session = await openSession(tx, account.id, input.userAgent, rules);
    await recordAudit(tx, {
      actor: { accountId: account.id, state: account.state, organisation: account.organisationId },
      action: 'accounts.accept-invitation',
      subjectType: 'account',
      subjectId: account.id,
      change: { secondFactor: totpSecret !== null },
    });
    return { session, accountId: account.id, recoveryCodes: codes };
  });
}
