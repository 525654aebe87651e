import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/database.js';
import { newTokenPair } from './credentials.js';
import type { NewSession, SessionRules } from './sessions.js';
import { sessions } from './tables.js';

/** Opens a session for an account inside the caller's transaction. */
export async function openSession(tx: Executor, accountId: string, userAgent: string | undefined, rules: SessionRules): Promise<NewSession> {
  const { token, hash } = newTokenPair();
  const now = new Date();
  const session = {
    id: randomUUID(),
    tokenHash: hash,
    accountId,
    csrfToken: randomBytes(24).toString('base64url'),
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + rules.maxDays * 86_400_000),
  };
  await tx.insert(sessions).values(session);
  return { id: session.id, token, csrf: session.csrfToken, expiresAt: session.expiresAt };
}
