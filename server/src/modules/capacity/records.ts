import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { findOrganisation } from '../stakeholders/index.js';
import { capacityMatches, capacityNeeds, capacityOffers, capacityProjects } from './tables.js';
import { ownerOfOffer, type Owner } from './visibility.js';
import type { NeedFacts, OfferFacts } from './matching.js';

/** The rows of capacity-building, read by id (locked for update inside a use case's transaction when asked), and their shapes. */

export type NeedRow = typeof capacityNeeds.$inferSelect;
export type OfferRow = typeof capacityOffers.$inferSelect;
export type MatchRow = typeof capacityMatches.$inferSelect;
export type ProjectRow = typeof capacityProjects.$inferSelect;

export async function needRow(db: Executor, id: string, lock = false): Promise<NeedRow> {
  const q = db.select().from(capacityNeeds).where(eq(capacityNeeds.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('The need');
  return row;
}

export async function offerRow(db: Executor, id: string, lock = false): Promise<OfferRow> {
  const q = db.select().from(capacityOffers).where(eq(capacityOffers.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('The offer');
  return row;
}

export async function matchRow(db: Executor, id: string, lock = false): Promise<MatchRow> {
  const q = db.select().from(capacityMatches).where(eq(capacityMatches.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('The match');
  return row;
}

export async function projectRow(db: Executor, id: string, lock = false): Promise<ProjectRow> {
  const q = db.select().from(capacityProjects).where(eq(capacityProjects.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('The project');
  return row;
}

export const needOwner = (n: Pick<NeedRow, 'state'>): Owner => ({ kind: 'state', state: n.state });

export function needOut(n: NeedRow) {
  return {
    id: n.id,
    state: n.state,
    title: n.title,
    description: n.description,
    codes: n.codes,
    modality: n.modality,
    languages: n.languages,
    periodStart: n.periodStart,
    periodEnd: n.periodEnd,
    partners: n.partners,
    visibility: n.visibility,
    status: n.status,
    source: n.source ?? null,
    publishedAt: n.publishedAt,
    matchedAt: n.matchedAt,
  };
}

/** The names of the organisations behind offers, by id. */
export async function organisationNames(db: Executor, offers: readonly Pick<OfferRow, 'organisationId'>[]): Promise<Map<string, string>> {
  const ids = [...new Set(offers.flatMap((o) => (o.organisationId ? [o.organisationId] : [])))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const org = await findOrganisation(db, id);
    if (org) names.set(id, org.name);
  }
  return names;
}

export function ownerOut(o: Pick<OfferRow, 'offerorKind' | 'offerorState' | 'organisationId' | 'programme'>, names: ReadonlyMap<string, string>) {
  return {
    kind: o.offerorKind,
    state: o.offerorState,
    organisationId: o.organisationId,
    organisationName: o.organisationId ? (names.get(o.organisationId) ?? null) : null,
    programme: o.programme,
  };
}

/** How many running projects each offer is engaged in: what its capacity is counted against. */
export async function engagements(db: Executor, offerIds: readonly string[]): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db
    .select({ offerId: capacityProjects.offerId, n: sql<number>`count(*)::int` })
    .from(capacityProjects)
    .where(and(inArray(capacityProjects.offerId, [...offerIds]), eq(capacityProjects.status, 'running')))
    .groupBy(capacityProjects.offerId);
  return new Map(rows.map((r) => [r.offerId, r.n]));
}

export function offerOut(o: OfferRow, names: ReadonlyMap<string, string>, engaged: ReadonlyMap<string, number>) {
  return {
    id: o.id,
    offeror: ownerOut(o, names),
    title: o.title,
    description: o.description,
    codes: o.codes,
    modalities: o.modalities,
    languages: o.languages,
    regions: o.regions,
    states: o.states,
    capacity: o.capacity,
    engaged: engaged.get(o.id) ?? 0,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    conditions: o.conditions,
    visibility: o.visibility,
    status: o.status,
    publishedAt: o.publishedAt,
  };
}

/**
 * What scoring reads of a need or an offer, and of whom it is and when it was published: a ranking reads
 * these columns of every candidate and the whole rows (texts in six languages) of the few it returns only.
 */
export const needScoringColumns = {
  id: capacityNeeds.id,
  state: capacityNeeds.state,
  codes: capacityNeeds.codes,
  modality: capacityNeeds.modality,
  languages: capacityNeeds.languages,
  periodStart: capacityNeeds.periodStart,
  periodEnd: capacityNeeds.periodEnd,
  publishedAt: capacityNeeds.publishedAt,
};
export const offerScoringColumns = {
  id: capacityOffers.id,
  offerorKind: capacityOffers.offerorKind,
  offerorState: capacityOffers.offerorState,
  codes: capacityOffers.codes,
  modalities: capacityOffers.modalities,
  languages: capacityOffers.languages,
  regions: capacityOffers.regions,
  states: capacityOffers.states,
  periodStart: capacityOffers.periodStart,
  periodEnd: capacityOffers.periodEnd,
  publishedAt: capacityOffers.publishedAt,
};

export const needFacts = (n: Pick<NeedRow, 'codes' | 'modality' | 'languages' | 'state' | 'periodStart' | 'periodEnd'>, regionalGroup: string | null): NeedFacts => ({
  codes: n.codes,
  modality: n.modality,
  languages: n.languages,
  state: n.state,
  regionalGroup,
  period: n.periodStart || n.periodEnd ? { start: n.periodStart, end: n.periodEnd } : null,
});

export const offerFacts = (o: Pick<OfferRow, 'codes' | 'modalities' | 'languages' | 'regions' | 'states' | 'periodStart' | 'periodEnd'>): OfferFacts => ({
  codes: o.codes,
  modalities: o.modalities,
  languages: o.languages,
  regions: o.regions,
  states: o.states,
  period: o.periodStart || o.periodEnd ? { start: o.periodStart, end: o.periodEnd } : null,
});

export { ownerOfOffer };
