import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { NOT_FOUND } from './follow.js';
import { DEFAULT_PREFERENCE, type Thing } from './kinds.js';
import { followsCan } from './policy.js';
import { follows, notificationPreferences, notifications } from './tables.js';
import { readers } from './things.js';

/** Whether the caller follows a thing and may follow it; a thing they may not see is not found. */
export async function followState(db: Executor, actor: Actor | null, thing: Thing) {
  const seen = await readers[thing.kind](db, actor, thing.id);
  if (!seen) throw notFound(NOT_FOUND);
  const [row] = actor
    ? await db
        .select({ kind: follows.kind })
        .from(follows)
        .where(and(eq(follows.accountId, actor.accountId), eq(follows.kind, thing.kind), eq(follows.targetId, thing.id)))
    : [];
  return { kind: thing.kind, id: thing.id, following: !!row, can: canOf(followsCan.thing, actor, { seen: true }) };
}

/** What the person follows and still may see, newest first. */
export async function followsOf(db: Executor, actor: Actor) {
  const rows = await db.select().from(follows).where(eq(follows.accountId, actor.accountId)).orderBy(desc(follows.createdAt));
  const items = [];
  for (const r of rows) {
    const seen = await readers[r.kind](db, actor, r.targetId);
    if (seen) items.push({ kind: r.kind, id: r.targetId, title: seen.title, path: seen.path, since: r.createdAt });
  }
  return { items };
}

export async function unreadCount(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The person's own notices, newest first, and how many are unread. */
export async function notificationsOf(db: Executor, accountId: string, limit: number) {
  const rows = await db.select().from(notifications).where(eq(notifications.accountId, accountId)).orderBy(desc(notifications.at), desc(notifications.eventSeq)).limit(limit);
  return {
    items: rows.map((n) => ({ id: n.id, kind: n.kind, targetId: n.targetId, what: n.what, title: n.title, path: n.path, label: n.label, deadlineAt: n.deadlineAt, at: n.at, read: n.readAt !== null })),
    unread: await unreadCount(db, accountId),
  };
}

export async function preferenceOf(db: Executor, accountId: string) {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.accountId, accountId));
  return row ? { delivery: row.delivery, timeZone: row.timeZone } : DEFAULT_PREFERENCE;
}
