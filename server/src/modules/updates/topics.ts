import { createHash, randomBytes } from 'node:crypto';

/** What one can subscribe to, as the UN's form offers it. */
export const TOPICS = ['meetings', 'documents', 'outcomes', 'reporting'] as const;
export type Topic = (typeof TOPICS)[number];

/** How long a confirmation link works. */
export const CONFIRM_HOURS = 48;
/** One confirmation mail per address in this time, however often the form is sent: the form cannot flood a mailbox. */
export const RESEND_MINUTES = 10;
/** The digest leaves once a day at this hour (UTC). */
export const DIGEST_HOUR_UTC = 6;
/** A sign-up never confirmed is forgotten this long after its link expired. */
export const FORGET_PENDING_DAYS = 7;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The address as the tables and the audit chain know it: a digest, never the address. */
export const addressDigest = (email: string): string => createHash('sha256').update(`poa-updates:${normaliseEmail(email)}`).digest('hex');

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The next digest time strictly after `now`: today's or tomorrow's DIGEST_HOUR_UTC. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Topics in the form's order, each once. */
export const sortedTopics = (topics: readonly Topic[]): Topic[] => TOPICS.filter((t) => topics.includes(t));
