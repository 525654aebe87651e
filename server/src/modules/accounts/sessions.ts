import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { sessions } from './tables.js';

/**
 * What a session is, and the closing of sessions that the sign-in and password use cases share.
 */

export interface SessionRules {
  idleMinutes: number;
  maxDays: number;
}

export interface NewSession {
  id: string;
  token: string;
  csrf: string;
  expiresAt: Date;
}

export async function closeSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs out one of the caller's own sessions; another account's session is simply not found. */
export async function closeOwnSession(db: Executor, actor: Actor, sessionId: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, actor.accountId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

export async function closeOtherSessions(db: Executor, actor: Actor): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, actor.accountId), ne(sessions.id, actor.sessionId)))
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function closeAllSessions(db: Executor, accountId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}
