import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor, Role } from '../../kernel/actor.js';
import { rowsOf } from '../../platform/db/database.js';
import { newTokenPair, tokenHash } from './credentials.js';
import { sessions } from './tables.js';

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

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: string | Date;
  account_id: string;
  name: string;
  state: string | null;
  organisation_id: string | null;
  roles: Role[] | null;
}

/**
 * Finds the actor of a session token: one indexed query. A session idle for too long, past its
 * absolute end, or of an account no longer active, finds nobody.
 */
export async function resolveSession(db: Db, token: string, rules: SessionRules): Promise<{ actor: Actor; csrf: string } | null> {
  if (token.length > 100) return null;
  const idleSince = new Date(Date.now() - rules.idleMinutes * 60_000);
  const result = await db.execute(sql`
    SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, a.id AS account_id, a.name, a.state, a.organisation_id,
           (SELECT array_agg(r.role ORDER BY r.role) FROM account_roles r WHERE r.account_id = a.id) AS roles
    FROM sessions s JOIN accounts a ON a.id = s.account_id
    WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > now() AND s.last_seen_at > ${idleSince.toISOString()}
      AND a.status = 'active'`);
  const row = rowsOf<SessionRow>(result)[0];
  if (!row) return null;
  // Keep the session alive, writing at most once a minute.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session_id));
  }
  return {
    csrf: row.csrf_token,
    actor: {
      accountId: row.account_id,
      sessionId: row.session_id,
      name: row.name,
      roles: row.roles ?? [],
      state: row.state,
      organisation: row.organisation_id,
    },
  };
}

export async function closeSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function listSessions(db: Executor, actor: Actor) {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.accountId, actor.accountId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
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
