import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/database.js';
import { digestOf } from './canonical.js';
import { GENESIS_HASH, firstBrokenLink, linkHash, type AuditLink, type BrokenLink } from './chain.js';
import { auditEvents, auditHead } from './tables.js';
import type { Actor } from '../../kernel/actor.js';

/** Who acted, as the chain records it. */
export type AuditActor = Pick<Actor, 'accountId' | 'state' | 'organisation'>;

export interface AuditEvent {
  /** Who acted; null for the platform itself (reference data, scheduled jobs). */
  actor: AuditActor | null;
  /** Verb-noun of the use case, e.g. `states.rename`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** What changed: its digest is chained. Never pass secrets. */
  change: unknown;
  /** What to keep readable of the change; the change itself when left out. */
  details?: unknown;
}

/**
 * Appends an event to the audit chain inside the caller's transaction: the change and its record
 * commit together or not at all. Locks the head, so concurrent appends queue rather than fork.
 */
export async function recordAudit(tx: Tx, event: AuditEvent): Promise<AuditLink> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const prev = head ?? { seq: 0, hash: GENESIS_HASH };
  const facts = {
    at: new Date(),
    actorAccountId: event.actor?.accountId ?? null,
    actingForState: event.actor?.state ?? null,
    actingForOrganisation: event.actor?.organisation ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    digest: digestOf(event.change),
    details: event.details === undefined ? event.change : event.details,
  };
  const seq = prev.seq + 1;
  const link: AuditLink = { ...facts, seq, prevHash: prev.hash, hash: linkHash(seq, prev.hash, facts) };
  await tx.insert(auditEvents).values(link);
  if (head) await tx.update(auditHead).set({ seq, hash: link.hash }).where(eq(auditHead.id, 1));
  else await tx.insert(auditHead).values({ id: 1, seq, hash: link.hash });
  for (const listener of listeners.values()) await listener(tx, link);
  return link;
}

/**
 * What else is written in the transaction of each audit event: the entry sets it once, so a module
 * can write a durable job of its own about any change (the follows module, its notices) without
 * the platform, or the module that changed something, knowing of it. A listener must be quick and
 * only write: it runs inside every change.
 */
export type AuditListener = (tx: Tx, link: AuditLink) => Promise<void>;
const listeners = new Map<string, AuditListener>();
export function listenToAudit(name: string, listener: AuditListener): void {
  listeners.set(name, listener);
}

/**
 * The events of one action, on one subject when given, oldest first: how a module reads back what its
 * use cases recorded (e.g. the content hash of an outcome at its adoption). The chain's table stays
 * the platform's; nothing but `recordAudit` writes to it.
 */
export async function auditEventsOf(db: Executor, action: string, subjectId?: string): Promise<{ seq: number; subjectId: string; details: unknown }[]> {
  return db
    .select({ seq: auditEvents.seq, subjectId: auditEvents.subjectId, details: auditEvents.details })
    .from(auditEvents)
    .where(subjectId === undefined ? eq(auditEvents.action, action) : and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)))
    .orderBy(asc(auditEvents.seq));
}

export interface ChainReport {
  events: number;
  broken: BrokenLink | null;
}

/** Walks the whole chain in pages and names the first broken link; also checks the head points at the end. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let from = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, from.seq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) break;
    const links = rows.map((r) => ({ ...r, details: r.details as unknown }));
    const broken = firstBrokenLink(links, from);
    if (broken) return { events: count + links.findIndex((l) => l.seq === broken.seq), broken };
    count += links.length;
    const last = links[links.length - 1]!;
    from = { seq: last.seq, hash: last.hash };
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (head && (head.seq !== from.seq || head.hash !== from.hash)) {
    return { events: count, broken: { seq: from.seq + 1, reason: `the chain ends at ${from.seq} but its head says ${head.seq}: events are missing` } };
  }
  if (!head && count > 0) return { events: count, broken: { seq: 1, reason: 'the chain has no head' } };
  return { events: count, broken: null };
}

export const auditCount = (db: Db) => db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);

/** One line for people: the chain is intact, or where it breaks. */
export function describeChainReport(report: ChainReport): string {
  return report.broken
    ? `Audit chain BROKEN at event #${report.broken.seq}: ${report.broken.reason}. ${report.events} events before it are intact.`
    : `Audit chain intact: ${report.events} events verified.`;
}
