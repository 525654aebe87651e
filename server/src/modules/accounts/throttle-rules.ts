import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * How failed sign-ins are slowed down (pure rules; the counts live in `sign_in_throttles`).
 *
 * A lock on the account alone, after a few failures from anywhere, lets anyone lock a focal point
 * out just before a silence deadline. So failures are counted three ways:
 * - per email and address: one source guessing one account gets a few free tries, then growing delays;
 * - per address: one source guessing many accounts gets growing delays too, after more tries (a
 *   ministry's shared address has many honest people behind it);
 * - per email from anywhere: only at a much higher count is the account itself locked, its owner
 *   told by mail; the owner still gets in with a recovery code, or by resetting the password.
 * Everything is keyed by the email as typed, never by whether an account has it: an unknown email
 * is slowed down and locked exactly like a real one, so no answer tells whether the account exists.
 */

export type ThrottleScope = 'pair' | 'address' | 'account';

interface DelayRule {
  /** Failures allowed before the first delay. */
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A count whose last failure is older than this starts again from zero. */
  forgetAfterMs: number;
}

export const THROTTLE: { pair: DelayRule; address: DelayRule; account: { lockAt: number; lockMs: number; forgetAfterMs: number } } = {
  pair: { free: 3, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
  address: { free: 20, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
  account: { lockAt: 50, lockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

export const forgetAfterMs = (scope: ThrottleScope): number => THROTTLE[scope].forgetAfterMs;

/**
 * What the n-th failure in a row (counted after forgetting) brings: the time until which the scope
 * is blocked, and whether the count starts again (an account lock resets it, so that keeping an
 * account locked takes as many failures again, not one an hour).
 */
export function afterFailure(scope: ThrottleScope, failures: number, now: Date): { blockedUntil: Date | null; restartCount: boolean } {
  if (scope === 'account') {
    const { lockAt, lockMs } = THROTTLE.account;
    return failures >= lockAt ? { blockedUntil: new Date(now.getTime() + lockMs), restartCount: true } : { blockedUntil: null, restartCount: false };
  }
  const rule = THROTTLE[scope];
  if (failures < rule.free) return { blockedUntil: null, restartCount: false };
  const delay = Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(30, failures - rule.free));
  return { blockedUntil: new Date(now.getTime() + delay), restartCount: false };
}

export type Gate =
  /** This source must wait: nothing is checked, not even the password. */
  | { kind: 'delayed'; retryAfterSeconds: number }
  /** The account is locked and no recovery code came with the attempt. */
  | { kind: 'locked' }
  | { kind: 'open'; accountLocked: boolean };

/** Whether an attempt may be checked at all, from the three counts that concern it. */
export function gate(states: Partial<Record<ThrottleScope, ThrottleState>>, now: Date, withRecoveryCode: boolean): Gate {
  const waits = (['pair', 'address'] as const)
    .map((scope) => states[scope]?.blockedUntil)
    .filter((until): until is Date => !!until && until > now)
    .map((until) => until.getTime() - now.getTime());
  if (waits.length > 0) return { kind: 'delayed', retryAfterSeconds: Math.ceil(Math.max(...waits) / 1000) };
  const lock = states.account?.blockedUntil;
  const accountLocked = !!lock && lock > now;
  if (accountLocked && !withRecoveryCode) return { kind: 'locked' };
  return { kind: 'open', accountLocked };
}

/**
 * The part of an address a source is counted by: an IPv4 address whole, an IPv6 address by its /64
 * (one subscriber usually holds a whole /64, and could otherwise take a new address per try).
 */
export function sourceOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const bare = address.split('%')[0]!;
  const [head, tail = ''] = bare.includes('::') ? bare.split('::') : [bare, ''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (a:b::1.2.3.4) counts as two groups; only the first four matter here.
  const width = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = bare.includes('::') ? [...left, ...Array<string>(8 - left.length - width).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface ThrottleKeys {
  /** Identifies every count of one email, to clear them when its password is reset. */
  emailDigest: string;
  keys: Record<ThrottleScope, string>;
}

export const emailDigestOf = (email: string): string => digest(`email\n${email}`);

/** The keys of the three counts an attempt touches; digests, so the table holds neither emails nor addresses. */
export function throttleKeys(email: string, address: string): ThrottleKeys {
  const source = sourceOf(address);
  const emailDigest = emailDigestOf(email);
  return {
    emailDigest,
    keys: {
      pair: digest(`pair\n${email}\n${source}`),
      address: digest(`address\n${source}`),
      account: digest(`account\n${email}`),
    },
  };
}
