import { and, eq, isNull } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { Problem } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { acceptTotp, passwordMatches, recoveryCodeHash } from './credentials.js';
import { needsSecondFactor, offerEnrolment } from './invitations.js';
import { accountLockedMail } from './mail-texts.js';
import { openSession } from './open-session.js';
import { closeOtherSessions, closeOwnSession, closeSession, type NewSession, type SessionRules } from './sessions.js';
import { accountRoles, accounts, recoveryCodes } from './tables.js';
import { clearAccountLock, clearPair, countFailure, readThrottles } from './throttle.js';
import { gate, THROTTLE, throttleKeys, type ThrottleKeys } from './throttle-rules.js';

/** The one answer to a failed sign-in, whatever failed: nothing tells whether the account exists. */
export const signInFailed = () =>
  new Problem(401, 'sign-in-failed', 'Sign-in failed', 'The email, password or code is not right.');
export const secondFactorRequired = () =>
  new Problem(401, 'second-factor-required', 'Second factor required', 'Enter the code from your authenticator app, or a recovery code.');
/** Too many failures from this address (for this email, or for any): the same for an email nobody has. */
export const signInDelayed = (seconds: number) =>
  new Problem(429, 'too-many-requests', 'Too many requests', `Too many failed sign-ins from your address: try again in ${seconds} seconds.`, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
/** The account-wide lock: the same for an email nobody has, after as many failures. */
export const signInLocked = () =>
  new Problem(
    401,
    'sign-in-locked',
    'Sign-in locked',
    'Too many failed sign-ins to this account from anywhere: it is locked for a while. Sign in with your password and a recovery code, or choose a new password.',
  );
export const secondFactorSetupRequired = () =>
  new Problem(
    401,
    'second-factor-setup-required',
    'Second factor to set up',
    'Your role requires a second factor, which this account does not have yet: we have emailed you a link to set it up.',
  );

export interface SignInInput {
  email: string;
  password: string;
  otp?: string | undefined;
  recoveryCode?: string | undefined;
  userAgent?: string | undefined;
  /** The address the attempt comes from (the client's, as far as the trusted proxies tell). */
  address: string;
}

type Outcome = { ok: true; session: NewSession; accountId: string } | { ok: false; problem: Problem };

/**
 * Signs in with password and, where the account has one, the second factor. Failures are counted
 * per email and address, per address and per email (throttle-rules.ts): a source that keeps failing
 * waits longer and longer, and only very many failures from anywhere lock the account itself,
 * which its owner then opens with a recovery code. The counts are written even though the request fails.
 */
export async function signIn(ctx: PlatformContext, input: SignInInput, rules: SessionRules): Promise<{ session: NewSession; accountId: string }> {
  const db = ctx.database.db;
  const email = input.email.trim().toLowerCase();
  const throttle = throttleKeys(email, input.address);
  const opened = gate(await readThrottles(db, throttle), new Date(), !!input.recoveryCode);
  // Decided before the password is checked, and keyed by the email as typed: the same for everyone.
  if (opened.kind === 'delayed') throw signInDelayed(opened.retryAfterSeconds);
  if (opened.kind === 'locked') throw signInLocked();

  const outcome: Outcome = await db.transaction(async (tx) => {
    const now = new Date();
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, email)).for('update');
    const fail = async (): Promise<Outcome> => {
      await failed(ctx, tx, throttle, account && account.status === 'active' ? account : null, now);
      return { ok: false, problem: signInFailed() };
    };
    if (!account || account.status !== 'active') {
      await passwordMatches(null, input.password);
      return fail();
    }
    if (!(await passwordMatches(account.passwordHash, input.password))) return fail();

    let totpLastStep = account.totpLastStep;
    let usedRecoveryCode = false;
    if (account.totpSecret) {
      if (input.recoveryCode) {
        const used = await tx
          .update(recoveryCodes)
          .set({ usedAt: now })
          .where(
            and(
              eq(recoveryCodes.accountId, account.id),
              eq(recoveryCodes.codeHash, recoveryCodeHash(input.recoveryCode)),
              isNull(recoveryCodes.usedAt),
            ),
          )
          .returning({ h: recoveryCodes.codeHash });
        if (used.length === 0) return fail();
        usedRecoveryCode = true;
      } else if (input.otp) {
        const step = acceptTotp(account.totpSecret, input.otp.replace(/\s/g, ''), account.totpLastStep, now.getTime());
        if (step === null) return fail();
        totpLastStep = step;
      } else {
        return { ok: false, problem: secondFactorRequired() };
      }
    } else {
      // A role that came to require a second factor after the account was made (chairs): the right
      // password alone no longer signs in; a link to set one up goes to the account's address.
      const roles = (await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, account.id))).map((r) => r.role);
      if (needsSecondFactor(roles)) {
        await offerEnrolment(ctx, tx, account, roles);
        return { ok: false, problem: secondFactorSetupRequired() };
      }
      // During a lock, an account without recovery codes gets in only by a new password.
      if (opened.accountLocked) return fail();
    }
    await tx.update(accounts).set({ totpLastStep }).where(eq(accounts.id, account.id));
    await clearPair(tx, throttle);
    if (opened.accountLocked) await clearAccountLock(tx, throttle);
    const session = await openSession(tx, account.id, input.userAgent, rules);
    await recordAudit(tx, {
      actor: { accountId: account.id, state: account.state, organisation: account.organisationId },
      action: 'accounts.sign-in',
      subjectType: 'account',
      subjectId: account.id,
      change: {
        session: session.id,
        secondFactor: account.totpSecret ? (usedRecoveryCode ? 'recovery-code' : 'totp') : 'none',
        ...(opened.accountLocked ? { unlocked: true } : {}),
      },
    });
    return { ok: true, session, accountId: account.id };
  });
  if (!outcome.ok) throw outcome.problem;
  return { session: outcome.session, accountId: outcome.accountId };
}

/** Counts a failure; when it locks a real account, records the lock and tells the owner. */
async function failed(ctx: PlatformContext, tx: Tx, throttle: ThrottleKeys, account: typeof accounts.$inferSelect | null, now: Date): Promise<void> {
  const { accountLockedNow, lockedUntil } = await countFailure(tx, throttle, now);
  if (!accountLockedNow || !account) return;
  await recordAudit(tx, { actor: null, action: 'accounts.lock', subjectType: 'account', subjectId: account.id, change: { lockedUntil } });
  const base = `${ctx.config.publicUrl}/${account.language}`;
  await queueMail(tx, [
    {
      to: account.email,
      ...accountLockedMail(account.language, {
        name: account.name,
        signInLink: `${base}/sign-in`,
        resetLink: `${base}/reset-password`,
        minutes: THROTTLE.account.lockMs / 60_000,
        recoveryCodes: !!account.totpSecret,
      }),
    },
  ]);
}

export async function signOut(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await closeSession(tx, actor.sessionId);
    await recordAudit(tx, { actor, action: 'accounts.sign-out', subjectType: 'account', subjectId: actor.accountId, change: { session: actor.sessionId } });
  });
}

/** Signs out one of the caller's own sessions; false when it is not theirs or not there. */
export async function signOutSession(db: Db, actor: Actor, sessionId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const closed = await closeOwnSession(tx, actor, sessionId);
    if (closed) await recordAudit(tx, { actor, action: 'accounts.close-session', subjectType: 'account', subjectId: actor.accountId, change: { session: sessionId } });
    return closed;
  });
}

export async function signOutOtherSessions(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const count = await closeOtherSessions(tx, actor);
    await recordAudit(tx, { actor, action: 'accounts.close-other-sessions', subjectType: 'account', subjectId: actor.accountId, change: { count } });
  });
}
