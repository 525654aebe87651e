import { createHash, randomBytes } from 'node:crypto';

/** An unguessable link token (256 random bits) and the SHA-256 digest under which alone it is kept. */
export function newTokenPair(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
