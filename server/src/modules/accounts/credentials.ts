import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';

/** Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** Argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check, so a missing account cannot be told from a wrong password.
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** A random token for a link or a cookie, and the digest under which it is kept. */
export function newTokenPair(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

// ---- second factor --------------------------------------------------------------------------

const TOTP_PERIOD = 30;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export function totpUri(secret: string, accountEmail: string): string {
  return totpFor(secret, accountEmail).toString();
}

const totpFor = (secret: string, label = 'account') =>
  new TOTP({ issuer: 'PoA Platform', label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });

/**
 * Checks a TOTP code (one step of clock drift either way) and returns the time step it belongs to,
 * or null. A step at or before `lastStep` is refused, so a code observed once cannot be replayed.
 */
export function acceptTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code of a secret (for the demo, the admin tool and tests). */
export const currentTotp = (secret: string, now = Date.now()): string => totpFor(secret).generate({ timestamp: now });

/** Ten one-time recovery codes, e.g. `7GQK-M2XD-P9RA`, and their digests. */
export function newRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const codes = Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
  return { codes, hashes: codes.map(recoveryCodeHash) };
}
export const recoveryCodeHash = (code: string): string => tokenHash(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
