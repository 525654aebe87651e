import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { canOf } from '../../platform/http/policy.js';
import { actsForOrganisation, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { fold } from '../../kernel/fold.js';
import { findOrganisation } from '../stakeholders/index.js';
import { initiativesCan, type ProposerFacts } from './policy.js';
import type { InitiativeFilter } from './schemas.js';
import { initiativeElements, initiatives } from './tables.js';

export type InitiativeRow = typeof initiatives.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the viewer may see, as a condition of the query itself (so a hidden initiative is never a row,
 * a count or an export line): published ones; the Secretariat all; a proposer its own.
 */
export function visibleTo(actor: Actor | null): SQL | undefined {
  if (isSecretariat(actor)) return undefined;
  const own: SQL[] = [eq(initiatives.status, 'published')];
  if (actor) {
    own.push(eq(initiatives.proposedBy, actor.accountId));
    if (actor.state && isFocalPointOf(actor, actor.state)) own.push(eq(initiatives.proposerState, actor.state));
    if (actor.organisation && actsForOrganisation(actor, actor.organisation)) own.push(eq(initiatives.proposerOrganisation, actor.organisation));
  }
  return or(...own);
}

async function elementsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(initiativeElements)
    .where(inArray(initiativeElements.initiativeId, [...ids]))
    .orderBy(asc(initiativeElements.code));
  for (const r of rows) map.set(r.initiativeId, [...(map.get(r.initiativeId) ?? []), r.code]);
  return map;
}

/** What the rules ask of the caller's organisation: whether it is accredited now. */
export async function proposerFacts(db: Executor, actor: Actor | null): Promise<ProposerFacts> {
  if (!actor?.organisation || !actsForOrganisation(actor, actor.organisation)) return { organisationAccredited: false };
  return { organisationAccredited: (await findOrganisation(db, actor.organisation))?.accreditation === 'accredited' };
}

export function toInitiativeView(actor: Actor | null, row: InitiativeRow, elements: string[], proposer: ProposerFacts) {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    kind: row.kind,
    summary: row.summary ?? null,
    elements,
    states: row.states,
    contact: row.contact,
    links: row.links,
    status: row.status,
    // Only the Secretariat and the proposer ever see a declined initiative (visibleTo).
    declineReason: row.declineReason,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    version: row.version,
    can: canOf(initiativesCan.initiative, actor, { ...row, ...proposer }),
  };
}
export type InitiativeView = ReturnType<typeof toInitiativeView>;

/** The initiatives the viewer may see, filtered and searched (the query folded as every search is), by name. */
export async function listInitiatives(db: Executor, actor: Actor | null, f: InitiativeFilter): Promise<InitiativeView[]> {
  const where: (SQL | undefined)[] = [visibleTo(actor)];
  if (f.status) where.push(eq(initiatives.status, f.status));
  if (f.kind) where.push(eq(initiatives.kind, f.kind));
  if (f.state) where.push(sql`${initiatives.states} @> ${JSON.stringify([f.state])}::jsonb`);
  if (f.element)
    where.push(
      inArray(
        initiatives.id,
        db.select({ id: initiativeElements.initiativeId }).from(initiativeElements).where(eq(initiativeElements.code, f.element)),
      ),
    );
  const q = f.q ? fold(f.q) : '';
  if (q) where.push(like(initiatives.searchText, `%${escapeLike(q)}%`));
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(...where))
    .orderBy(sql`${initiatives.name}->>'en'`, asc(initiatives.id))
    .limit(1000);
  const elements = await elementsOf(
    db,
    rows.map((r) => r.id),
  );
  const proposer = await proposerFacts(db, actor);
  return rows.map((r) => toInitiativeView(actor, r, elements.get(r.id) ?? [], proposer));
}

/** One initiative, if the viewer may see it; otherwise 404, as if it did not exist. */
export async function initiativeRow(db: Executor, actor: Actor | null, id: string): Promise<InitiativeRow> {
  const [row] = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, id), visibleTo(actor)));
  if (!row) throw notFound('The initiative');
  return row;
}

export async function initiativeView(db: Executor, actor: Actor | null, row: InitiativeRow): Promise<InitiativeView> {
  return toInitiativeView(actor, row, (await elementsOf(db, [row.id])).get(row.id) ?? [], await proposerFacts(db, actor));
}

/** "Who else works on this": the published initiatives serving a framework element, for its public page. */
export async function initiativesServing(db: Executor, code: string) {
  const rows = await db
    .select({ id: initiatives.id, name: initiatives.name, owner: initiatives.owner, kind: initiatives.kind, links: initiatives.links })
    .from(initiatives)
    .innerJoin(initiativeElements, eq(initiativeElements.initiativeId, initiatives.id))
    .where(and(eq(initiativeElements.code, code), eq(initiatives.status, 'published')))
    .orderBy(sql`${initiatives.name}->>'en'`, asc(initiatives.id));
  return rows;
}
