import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import type { Actor } from '../../platform/http/actor.js';
import { badRequest, Problem } from '../../platform/http/problem.js';
import { hashPassword, newRecoveryCodes, newTokenPair, passwordMatches } from './credentials.js';
import { usableToken } from './invitations.js';
import { closeAllSessions, closeOtherSessions } from './sessions.js';
import type { Language } from '../states/index.js';
import { passwordResetMail } from './mail-texts.js';
import { accounts, accountTokens, recoveryCodes } from './tables.js';

export const RESET_MINUTES = 60;

const wrongPassword = () =>
  new Problem(400, 'validation', 'The request is not valid', 'Your current password is not right.', {
    errors: [{ field: 'body.currentPassword', message: 'not right' }],
  });

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

/** Changes one's own password; other sessions are signed out. */
export async function changePassword(db: Db, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account || !(await passwordMatches(account.passwordHash, currentPassword))) throw wrongPassword();
  if (currentPassword === newPassword) throw badRequest('Choose a password different from the current one.', [{ field: 'body.newPassword', message: 'same as the current one' }]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.accountId));
    await closeOtherSessions(tx, actor);
    await recordAudit(tx, { actor, action: 'accounts.change-password', subjectType: 'account', subjectId: actor.accountId, change: { at: new Date() } });
  });
}

/** The language of the account's emails and of the links in them. */
export async function chooseMailLanguage(db: Db, actor: Actor, language: Language): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, actor.accountId)).for('update');
    if (!before || before.language === language) return;
    await tx.update(accounts).set({ language }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, { actor, action: 'accounts.choose-language', subjectType: 'account', subjectId: actor.accountId, change: { from: before.language, to: language } });
  });
}

/** Replaces all recovery codes with ten new ones, after the password is confirmed. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, password: string): Promise<string[]> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account || !(await passwordMatches(account.passwordHash, password))) {
    throw new Problem(400, 'validation', 'The request is not valid', 'Your password is not right.', { errors: [{ field: 'body.password', message: 'not right' }] });
  }
  if (!account.totpSecret) throw badRequest('This account has no second factor to recover.');
  const fresh = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, actor.accountId));
    await tx.insert(recoveryCodes).values(fresh.hashes.map((codeHash) => ({ accountId: actor.accountId, codeHash })));
    await recordAudit(tx, { actor, action: 'accounts.regenerate-recovery-codes', subjectType: 'account', subjectId: actor.accountId, change: { count: fresh.codes.length } });
  });
  return fresh.codes;
}
