import { and, asc, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { contactsCan, contactsPolicy, type Standing } from './policy.js';
import { assertReader, standingOf } from './reading.js';
import { contactMessages, contactThreads } from './tables.js';
import { firstResponseMinutes, threadOpen, threadStatus } from './thread-status.js';

type ThreadRow = typeof contactThreads.$inferSelect;
type MessageRow = typeof contactMessages.$inferSelect;

function summary(t: ThreadRow, messages: MessageRow[]) {
  const first = messages[0]!;
  return {
    id: t.id,
    fromState: t.fromState,
    toState: t.toState,
    exercise: t.exercise,
    secretariatMayRead: t.secretariatMayRead,
    status: threadStatus(t.fromState, messages),
    firstResponseMinutes: firstResponseMinutes(t.fromState, messages),
    createdAt: t.createdAt,
    lastMessageAt: messages[messages.length - 1]!.createdAt,
    kind: first.kind,
    urgency: first.urgency,
  };
}

/** Marks as delivered (listed) or read (opened) the other side's messages this State's side had not yet. */
async function mark(db: Executor, actor: Actor, threadIds: string[], field: 'deliveredAt' | 'readAt'): Promise<void> {
  if (!actor.state || threadIds.length === 0 || actor.roles.includes('secretariat')) return;
  const now = new Date();
  await db
    .update(contactMessages)
    .set(field === 'readAt' ? { readAt: now } : { deliveredAt: now })
    .where(and(inArray(contactMessages.threadId, threadIds), ne(contactMessages.fromState, actor.state), isNull(contactMessages[field])));
  if (field === 'readAt') {
    await db
      .update(contactMessages)
      .set({ deliveredAt: now })
      .where(and(inArray(contactMessages.threadId, threadIds), ne(contactMessages.fromState, actor.state), isNull(contactMessages.deliveredAt)));
  }
}

/** The exchanges of the caller's State (both directions); for the Secretariat, those the senders let it read. */
export async function listThreads(db: Db, actor: Actor | null) {
  const { actor: reader } = await assertReader(db, actor);
  const state = reader.state;
  const where = reader.roles.includes('secretariat') ? eq(contactThreads.secretariatMayRead, true) : or(eq(contactThreads.fromState, state!), eq(contactThreads.toState, state!));
  const threads = await db.select().from(contactThreads).where(where).orderBy(desc(contactThreads.createdAt)).limit(500);
  const ids = threads.map((t) => t.id);
  await mark(db, reader, ids, 'deliveredAt');
  const messages = ids.length ? await db.select().from(contactMessages).where(inArray(contactMessages.threadId, ids)).orderBy(asc(contactMessages.position)) : [];
  return { items: threads.map((t) => summary(t, messages.filter((m) => m.threadId === t.id))) };
}

/** A thread the caller may read, with its standing; not found for anyone else. */
export async function visibleThread(db: Executor, actor: Actor | null, id: string): Promise<{ thread: ThreadRow; standing: Standing; messages: MessageRow[] }> {
  const standing = await standingOf(db, actor);
  const [thread] = await db.select().from(contactThreads).where(eq(contactThreads.id, id));
  if (!thread || !contactsPolicy.readThread.allows(actor, { ...standing, ...thread })) throw notFound('The exchange');
  const messages = await db.select().from(contactMessages).where(eq(contactMessages.threadId, id)).orderBy(asc(contactMessages.position));
  return { thread, standing, messages };
}

export async function readThread(db: Db, actor: Actor | null, id: string) {
  const { thread, standing } = await visibleThread(db, actor, id);
  await mark(db, actor!, [id], 'readAt');
  const messages = await db.select().from(contactMessages).where(eq(contactMessages.threadId, id)).orderBy(asc(contactMessages.position));
  return {
    ...summary(thread, messages),
    messages: messages.map((m) => ({
      id: m.id,
      position: m.position,
      fromState: m.fromState,
      fromName: m.fromName,
      kind: m.kind,
      urgency: m.urgency,
      respondWithinHours: m.respondWithinHours,
      text: m.text,
      exercise: m.exercise,
      createdAt: m.createdAt,
      deliveredAt: m.deliveredAt,
      readAt: m.readAt,
    })),
    can: canOf(contactsCan.thread, actor, { ...standing, ...thread, open: threadOpen(messages) }),
  };
}
