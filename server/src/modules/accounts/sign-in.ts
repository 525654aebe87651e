import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { Problem } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { acceptTotp, afterFailedSignIn, isLocked, passwordMatches, recoveryCodeHash } from './credentials.js';
import { openSession } from './open-session.js';
import { closeOtherSessions, closeOwnSession, closeSession, type NewSession, type SessionRules } from './sessions.js';
import { accounts, recoveryCodes } from './tables.js';

/** The one answer to a failed sign-in, whatever failed: nothing tells whether the account exists. */
export const signInFailed = () =>
  new Problem(401, 'sign-in-failed', 'Sign-in failed', 'The email, password or code is not right, or the account is locked for a while.');
export const secondFactorRequired = () =>
  new Problem(401, 'second-factor-required', 'Second factor required', 'Enter the code from your authenticator app, or a recovery code.');

export interface SignInInput {
  email: string;
  password: string;
  otp?: string | undefined;
  recoveryCode?: string | undefined;
  userAgent?: string | undefined;
}

type Outcome = { ok: true; session: NewSession; accountId: string } | { ok: false; problem: Problem };

/**
 * Signs in with password and, where the account has one, the second factor. Failures count towards
 * a temporary lockout; the counters are written even though the request fails.
 */
export async function signIn(db: Db, input: SignInInput, rules: SessionRules): Promise<{ session: NewSession; accountId: string }> {
  const email = input.email.trim().toLowerCase();
  const outcome: Outcome = await db.transaction(async (tx) => {
    const now = new Date();
    const [account] = await tx.select().from(accounts).where(eq(accounts.email, email)).for('update');
    if (!account || account.status !== 'active') {
      await passwordMatches(null, input.password);
      return { ok: false, problem: signInFailed() };
    }
    const fail = async (): Promise<Outcome> => {
      const next = afterFailedSignIn(account.failedSignIns, now);
      await tx.update(accounts).set(next).where(eq(accounts.id, account.id));
      if (next.lockedUntil) {
        await recordAudit(tx, {
          actor: null,
          action: 'accounts.lock',
          subjectType: 'account',
          subjectId: account.id,
          change: { lockedUntil: next.lockedUntil },
        });
      }
      return { ok: false, problem: signInFailed() };
    };
    const passwordOk = await passwordMatches(account.passwordHash, input.password);
    if (isLocked(account.lockedUntil, now)) return { ok: false, problem: signInFailed() };
    if (!passwordOk) return fail();

    let totpLastStep = account.totpLastStep;
    let usedRecoveryCode = false;
    if (account.totpSecret) {
      if (input.otp) {
        const step = acceptTotp(account.totpSecret, input.otp.replace(/\s/g, ''), account.totpLastStep, now.getTime());
        if (step === null) return fail();
        totpLastStep = step;
      } else if (input.recoveryCode) {
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
      } else {
        return { ok: false, problem: secondFactorRequired() };
      }
    }
    await tx.update(accounts).set({ failedSignIns: 0, lockedUntil: null, totpLastStep }).where(eq(accounts.id, account.id));
    const session = await openSession(tx, account.id, input.userAgent, rules);
    await recordAudit(tx, {
      actor: { accountId: account.id, state: account.state, organisation: account.organisationId },
      action: 'accounts.sign-in',
      subjectType: 'account',
      subjectId: account.id,
      change: { session: session.id, secondFactor: account.totpSecret ? (usedRecoveryCode ? 'recovery-code' : 'totp') : 'none' },
    });
    return { ok: true, session, accountId: account.id };
  });
  if (!outcome.ok) throw outcome.problem;
  return { session: outcome.session, accountId: outcome.accountId };
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
