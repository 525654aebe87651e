import { and, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { sessions } from './tables.js';

export async function listSessions(db: Executor, actor: Actor) {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.accountId, actor.accountId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}
