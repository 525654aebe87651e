import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { isSecretariat, type Actor } from '../../kernel/actor.js';
import { getState, listStates } from '../states/index.js';
import { rank, scoreMatch } from './matching.js';
import { analyse } from './analysis.js';
import { pillarsInForce } from './framework-codes.js';
import { capacityCan } from './policy.js';
import { engagements, needFacts, needOut, needOwner, needScoringColumns, offerFacts, offerOut, offerScoringColumns, organisationNames, ownerOfOffer, ownerOut, type MatchRow, type NeedRow, type OfferRow, type ProjectRow } from './records.js';
import { capacityEvaluations, capacityMatches, capacityNeeds, capacityOffers, capacityProjects } from './tables.js';
import { actsFor, visibleLevels, type Owner } from './visibility.js';

/**
 * What a viewer reads of capacity-building. Every query filters by `needsVisibleTo`/`offersVisibleTo`
 * (the rules of visibility.ts as SQL), so a thing a viewer may not see is in no list, count or ranking,
 * and a thing whose existence is private is "not found".
 */

/** The needs a viewer sees: by their visibility, and its own State's. */
export function needsVisibleTo(actor: Actor | null): SQL {
  const levels = inArray(capacityNeeds.visibility, visibleLevels(actor));
  return actor?.state && actsFor(actor, { kind: 'state', state: actor.state }) ? or(levels, eq(capacityNeeds.state, actor.state))! : levels;
}

/** The offers a viewer sees: by their visibility, and its own State's or organisation's. */
export function offersVisibleTo(actor: Actor | null): SQL {
  const levels = inArray(capacityOffers.visibility, visibleLevels(actor));
  const own: SQL[] = [];
  if (actor?.state && actsFor(actor, { kind: 'state', state: actor.state })) own.push(and(eq(capacityOffers.offerorKind, 'state'), eq(capacityOffers.offerorState, actor.state))!);
  if (actor?.organisation && actsFor(actor, { kind: 'organisation', organisationId: actor.organisation })) own.push(eq(capacityOffers.organisationId, actor.organisation));
  return own.length ? or(levels, ...own)! : levels;
}

/** The matches a viewer is a party to, as SQL over a join of matches, needs and offers. */
function partyTo(actor: Actor | null): SQL | null {
  if (!actor) return null;
  const sides: SQL[] = [];
  if (actor.state && actsFor(actor, { kind: 'state', state: actor.state })) {
    sides.push(eq(capacityNeeds.state, actor.state), and(eq(capacityOffers.offerorKind, 'state'), eq(capacityOffers.offerorState, actor.state))!);
  }
  if (actor.organisation && actsFor(actor, { kind: 'organisation', organisationId: actor.organisation })) sides.push(eq(capacityOffers.organisationId, actor.organisation));
  if (isSecretariat(actor)) sides.push(eq(capacityOffers.offerorKind, 'secretariat'));
  return sides.length ? or(...sides)! : null;
}

/** A need the viewer sees (or is a party to a match on): 404 otherwise, since its very existence may be private. */
export async function seenNeed(db: Executor, actor: Actor | null, id: string): Promise<NeedRow> {
  const [row] = await db.select().from(capacityNeeds).where(and(eq(capacityNeeds.id, id), needsVisibleTo(actor)));
  if (row) return row;
  const party = partyTo(actor);
  if (party) {
    const [via] = await db
      .select({ need: capacityNeeds })
      .from(capacityMatches)
      .innerJoin(capacityNeeds, eq(capacityNeeds.id, capacityMatches.needId))
      .innerJoin(capacityOffers, eq(capacityOffers.id, capacityMatches.offerId))
      .where(and(eq(capacityMatches.needId, id), party))
      .limit(1);
    if (via) return via.need;
  }
  throw notFound('The need');
}

/** An offer the viewer sees (or is a party to a match on): 404 otherwise. */
export async function seenOffer(db: Executor, actor: Actor | null, id: string): Promise<OfferRow> {
  const [row] = await db.select().from(capacityOffers).where(and(eq(capacityOffers.id, id), offersVisibleTo(actor)));
  if (row) return row;
  const party = partyTo(actor);
  if (party) {
    const [via] = await db
      .select({ offer: capacityOffers })
      .from(capacityMatches)
      .innerJoin(capacityNeeds, eq(capacityNeeds.id, capacityMatches.needId))
      .innerJoin(capacityOffers, eq(capacityOffers.id, capacityMatches.offerId))
      .where(and(eq(capacityMatches.offerId, id), party))
      .limit(1);
    if (via) return via.offer;
  }
  throw notFound('The offer');
}

const hasCode = (column: typeof capacityNeeds.codes | typeof capacityOffers.codes, code: string) => sql`${column} @> ${JSON.stringify([code])}::jsonb`;

export async function listNeeds(db: Executor, actor: Actor | null, q: { state?: string | undefined; status?: string | undefined; code?: string | undefined; modality?: string | undefined; limit: number; offset: number }) {
  const where = and(
    needsVisibleTo(actor),
    q.state ? eq(capacityNeeds.state, q.state) : undefined,
    q.status ? eq(capacityNeeds.status, q.status as NeedRow['status']) : undefined,
    q.code ? hasCode(capacityNeeds.codes, q.code) : undefined,
    q.modality ? eq(capacityNeeds.modality, q.modality as NeedRow['modality']) : undefined,
  );
  const rows = await db.select().from(capacityNeeds).where(where).orderBy(desc(capacityNeeds.publishedAt), asc(capacityNeeds.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(capacityNeeds).where(where);
  return { items: rows.map(needOut), total: total?.n ?? 0, can: canOf(capacityCan.lists, actor) };
}

export async function listOffers(db: Executor, actor: Actor | null, q: { status?: string | undefined; code?: string | undefined; modality?: string | undefined; limit: number; offset: number }) {
  const where = and(
    offersVisibleTo(actor),
    q.status ? eq(capacityOffers.status, q.status as OfferRow['status']) : undefined,
    q.code ? hasCode(capacityOffers.codes, q.code) : undefined,
    q.modality ? sql`${capacityOffers.modalities} @> ${JSON.stringify([q.modality])}::jsonb` : undefined,
  );
  const rows = await db.select().from(capacityOffers).where(where).orderBy(desc(capacityOffers.publishedAt), asc(capacityOffers.id)).limit(q.limit).offset(q.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(capacityOffers).where(where);
  const [names, engaged] = await Promise.all([organisationNames(db, rows), engagements(db, rows.map((r) => r.id))]);
  return { items: rows.map((r) => offerOut(r, names, engaged)), total: total?.n ?? 0, can: canOf(capacityCan.lists, actor) };
}

// ---- matches -----------------------------------------------------------------------------------

type MatchJoin = { match: MatchRow; need: NeedRow; offer: OfferRow; projectId: string | null };

async function matchesWhere(db: Executor, where: SQL | undefined): Promise<MatchJoin[]> {
  return db
    .select({ match: capacityMatches, need: capacityNeeds, offer: capacityOffers, projectId: capacityProjects.id })
    .from(capacityMatches)
    .innerJoin(capacityNeeds, eq(capacityNeeds.id, capacityMatches.needId))
    .innerJoin(capacityOffers, eq(capacityOffers.id, capacityMatches.offerId))
    .leftJoin(capacityProjects, eq(capacityProjects.matchId, capacityMatches.id))
    .where(where)
    .orderBy(desc(capacityMatches.invitedAt), asc(capacityMatches.id));
}

async function matchesOut(db: Executor, actor: Actor | null, rows: MatchJoin[]) {
  const names = await organisationNames(db, rows.map((r) => r.offer));
  return rows.map(({ match: m, need, offer, projectId }) => {
    const facts = { needState: need.state, offeror: ownerOfOffer(offer), status: m.status };
    return {
      id: m.id,
      needId: m.needId,
      offerId: m.offerId,
      needState: need.state,
      offeror: ownerOut(offer, names),
      status: m.status,
      score: m.score,
      inviteMessage: m.inviteMessage,
      responseMessage: m.responseMessage,
      withdrawnBy: m.withdrawnBy,
      withdrawMessage: m.withdrawMessage,
      invitedAt: m.invitedAt,
      respondedAt: m.respondedAt,
      closedAt: m.closedAt,
      projectId,
      can: canOf(capacityCan.match, actor, facts),
    };
  });
}

/** A need's page: the need, and the matches on it the viewer is a party to (all of them for its State and the Secretariat). */
export async function needDetail(db: Executor, actor: Actor | null, id: string) {
  const need = await seenNeed(db, actor, id);
  const all = actsFor(actor, needOwner(need)) || isSecretariat(actor);
  const party = partyTo(actor);
  const rows = all || party ? await matchesWhere(db, and(eq(capacityMatches.needId, id), all ? undefined : party!)) : [];
  return { ...needOut(need), matches: await matchesOut(db, actor, rows), can: canOf(capacityCan.need, actor, need) };
}

export async function offerDetail(db: Executor, actor: Actor | null, id: string) {
  const offer = await seenOffer(db, actor, id);
  const all = actsFor(actor, ownerOfOffer(offer)) || isSecretariat(actor);
  const party = partyTo(actor);
  const rows = all || party ? await matchesWhere(db, and(eq(capacityMatches.offerId, id), all ? undefined : party!)) : [];
  const [names, engaged] = await Promise.all([organisationNames(db, [offer]), engagements(db, [offer.id])]);
  return { ...offerOut(offer, names, engaged), matches: await matchesOut(db, actor, rows), can: canOf(capacityCan.offer, actor, { owner: ownerOfOffer(offer), status: offer.status }) };
}

/** The matches the viewer is a party to, on either side. */
export async function myMatches(db: Executor, actor: Actor) {
  const party = partyTo(actor);
  return { items: party ? await matchesOut(db, actor, await matchesWhere(db, party)) : [] };
}

// ---- rankings ----------------------------------------------------------------------------------

const offerOwnedByState = (o: Pick<OfferRow, 'offerorKind' | 'offerorState'>, state: string) => o.offerorKind === 'state' && o.offerorState === state;

/** A jsonb array of strings holding any of `values`. */
const holdsAny = (column: typeof capacityNeeds.codes | typeof capacityOffers.codes, values: readonly string[]): SQL =>
  values.length ? sql`${column} ?| array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`false`;

/**
 * The offers that may score above 0 for a need: `scoreMatch` counts nothing without a shared element or
 * the need's modality, so the others are left in the database (the score still decides for the rest).
 */
const offersSharingWith = (need: NeedRow): SQL => or(holdsAny(capacityOffers.codes, need.codes), sql`${capacityOffers.modalities} @> ${JSON.stringify([need.modality])}::jsonb`)!;
/** The needs that may score above 0 for an offer, likewise. */
const needsSharingWith = (offer: OfferRow): SQL => or(holdsAny(capacityNeeds.codes, offer.codes), offer.modalities.length ? inArray(capacityNeeds.modality, offer.modalities) : sql`false`)!;

/** The whole rows of the ranked few, by id (the ranking itself reads only the scoring columns). */
async function rowsById<T extends { id: string }>(rows: Promise<T[]>): Promise<Map<string, T>> {
  return new Map((await rows).map((r) => [r.id, r]));
}

/** The open offers the viewer sees, ranked for a need it sees, each with its reasons (a State's own offers left out). */
export async function rankedOffersForNeed(db: Executor, actor: Actor | null, needId: string, limit: number) {
  const need = await seenNeed(db, actor, needId);
  const [offers, pillarOf, state] = await Promise.all([
    db.select(offerScoringColumns).from(capacityOffers).where(and(offersVisibleTo(actor), eq(capacityOffers.status, 'open'), offersSharingWith(need))),
    pillarsInForce(db),
    getState(db, need.state).catch(() => null),
  ]);
  const facts = needFacts(need, state?.regionalGroup ?? null);
  const scored = offers
    .filter((o) => !offerOwnedByState(o, need.state))
    .map((o) => ({ id: o.id, publishedAt: o.publishedAt, ...scoreMatch(facts, offerFacts(o), pillarOf) }))
    .filter((s) => s.score > 0);
  const ranked = rank(scored).slice(0, limit);
  const rows = ranked.length ? await rowsById(db.select().from(capacityOffers).where(inArray(capacityOffers.id, ranked.map((t) => t.id)))) : new Map<string, OfferRow>();
  const top = ranked.map((t) => ({ ...t, row: rows.get(t.id)! }));
  // Which of them are already invited on the need: only the need's own State learns it here (the
  // matches of a need are its parties' business).
  const live = async () =>
    actsFor(actor, needOwner(need)) && top.length > 0
      ? new Set(
          (
            await db
              .select({ offerId: capacityMatches.offerId })
              .from(capacityMatches)
              .where(and(eq(capacityMatches.needId, need.id), inArray(capacityMatches.offerId, top.map((t) => t.id)), inArray(capacityMatches.status, ['invited', 'accepted', 'confirmed'])))
          ).map((m) => m.offerId),
        )
      : new Set<string>();
  const [names, engaged, invited] = await Promise.all([organisationNames(db, top.map((t) => t.row)), engagements(db, top.map((t) => t.id)), live()]);
  return {
    items: top.map((t) => ({
      offer: offerOut(t.row, names, engaged),
      score: t.score,
      reasons: t.reasons,
      invited: invited.has(t.id),
      can: canOf(capacityCan.rankedOffer, actor, { need, live: invited.has(t.id) }),
    })),
  };
}

/** The open needs the viewer sees, ranked for an offer it sees. */
export async function rankedNeedsForOffer(db: Executor, actor: Actor | null, offerId: string, limit: number) {
  const offer = await seenOffer(db, actor, offerId);
  const [needs, pillarOf, states] = await Promise.all([
    db.select(needScoringColumns).from(capacityNeeds).where(and(needsVisibleTo(actor), inArray(capacityNeeds.status, ['open', 'in-discussion']), needsSharingWith(offer))),
    pillarsInForce(db),
    listStates(db, {}),
  ]);
  const groups = new Map(states.map((s) => [s.iso3, s.regionalGroup]));
  const o = offerFacts(offer);
  const scored = needs
    .filter((n) => !offerOwnedByState(offer, n.state))
    .map((n) => ({ id: n.id, publishedAt: n.publishedAt, ...scoreMatch(needFacts(n, groups.get(n.state) ?? null), o, pillarOf) }))
    .filter((s) => s.score > 0);
  const ranked = rank(scored).slice(0, limit);
  const rows = ranked.length ? await rowsById(db.select().from(capacityNeeds).where(inArray(capacityNeeds.id, ranked.map((t) => t.id)))) : new Map<string, NeedRow>();
  return { items: ranked.map((t) => ({ need: needOut(rows.get(t.id)!), score: t.score, reasons: t.reasons })) };
}

// ---- projects ----------------------------------------------------------------------------------

type ProjectJoin = { project: ProjectRow; need: NeedRow; offer: OfferRow };

/** Whether the viewer is a partner of the project (acts for either side) or the Secretariat: it reads all of it. */
const readsAll = (actor: Actor | null, need: NeedRow, offer: OfferRow) => isSecretariat(actor) || actsFor(actor, needOwner(need)) || actsFor(actor, ownerOfOffer(offer));

/** Others see a project the requesting State published, and only where they would see both its need and its offer. */
function projectsVisibleTo(actor: Actor | null): SQL {
  const levels = visibleLevels(actor);
  const published = and(sql`(${capacityProjects.publicParts}->>'project')::boolean`, inArray(capacityNeeds.visibility, levels), inArray(capacityOffers.visibility, levels))!;
  const party = partyTo(actor);
  return isSecretariat(actor) ? sql`true` : party ? or(published, party)! : published;
}

async function projectsOut(db: Executor, actor: Actor | null, rows: ProjectJoin[]) {
  const names = await organisationNames(db, rows.map((r) => r.offer));
  const ids = rows.map((r) => r.project.id);
  const evaluations = ids.length ? await db.select().from(capacityEvaluations).where(inArray(capacityEvaluations.projectId, ids)) : [];
  return rows.map(({ project: p, need, offer }) => {
    const all = readsAll(actor, need, offer);
    const facts = { needState: need.state, offeror: ownerOfOffer(offer) as Owner, status: p.status };
    return {
      id: p.id,
      needId: p.needId,
      offerId: p.offerId,
      requester: need.state,
      offeror: ownerOut(offer, names),
      title: p.title,
      objectives: all || p.publicParts.objectives ? p.objectives : null,
      milestones: all || p.publicParts.milestones ? p.milestones : null,
      principles: p.principles,
      publicParts: p.publicParts,
      status: p.status,
      startedAt: p.startedAt,
      completedAt: p.completedAt,
      evaluations: evaluations
        .filter((e) => e.projectId === p.id && (all || e.public))
        .map((e) => ({ side: e.side, delivered: e.delivered, changed: e.changed, lessons: e.lessons, public: e.public, evaluatedAt: e.evaluatedAt })),
      version: p.version,
      can: canOf(capacityCan.project, actor, facts),
    };
  });
}

function projectsWhere(db: Executor, where: SQL | undefined): Promise<ProjectJoin[]> {
  return db
    .select({ project: capacityProjects, need: capacityNeeds, offer: capacityOffers })
    .from(capacityProjects)
    .innerJoin(capacityNeeds, eq(capacityNeeds.id, capacityProjects.needId))
    .innerJoin(capacityOffers, eq(capacityOffers.id, capacityProjects.offerId))
    .where(where)
    .orderBy(desc(capacityProjects.startedAt), asc(capacityProjects.id));
}

/** The catalogue: the projects the viewer may see (the published ones, and its own). */
export async function listProjects(db: Executor, actor: Actor | null) {
  return { items: await projectsOut(db, actor, await projectsWhere(db, projectsVisibleTo(actor))) };
}

export async function projectForViewer(db: Executor, actor: Actor | null, id: string) {
  const [row] = await projectsWhere(db, and(eq(capacityProjects.id, id), projectsVisibleTo(actor)));
  if (!row) throw notFound('The project');
  return (await projectsOut(db, actor, [row]))[0]!;
}

/** The project with its need and offer, for the use cases that change it. */
export async function projectParties(db: Executor, id: string): Promise<ProjectJoin | null> {
  const [row] = await projectsWhere(db, eq(capacityProjects.id, id));
  return row ?? null;
}

// ---- analysis and exports ----------------------------------------------------------------------

/** The analysis of what the viewer sees. */
export async function analysisFor(db: Executor, actor: Actor | null) {
  const [needs, offers, pillarOf, states] = await Promise.all([
    db
      .select({ ...needScoringColumns, title: capacityNeeds.title, status: capacityNeeds.status, matchedAt: capacityNeeds.matchedAt })
      .from(capacityNeeds)
      .where(needsVisibleTo(actor)),
    db.select(offerScoringColumns).from(capacityOffers).where(and(offersVisibleTo(actor), eq(capacityOffers.status, 'open'))),
    pillarsInForce(db),
    listStates(db, {}),
  ]);
  const groups = new Map(states.map((s) => [s.iso3, s.regionalGroup]));
  return analyse(
    needs.map((n) => ({ id: n.id, state: n.state, title: n.title, status: n.status, publishedAt: n.publishedAt, matchedAt: n.matchedAt, facts: needFacts(n, groups.get(n.state) ?? null) })),
    offers.map(offerFacts),
    pillarOf,
  );
}

/** Everything public of one kind, as the public sees it, whoever asks. */
export async function publicData(db: Executor, what: 'needs' | 'offers' | 'projects') {
  if (what === 'needs') return (await db.select().from(capacityNeeds).where(needsVisibleTo(null)).orderBy(asc(capacityNeeds.publishedAt), asc(capacityNeeds.id))).map(needOut);
  if (what === 'offers') {
    const rows = await db.select().from(capacityOffers).where(offersVisibleTo(null)).orderBy(asc(capacityOffers.publishedAt), asc(capacityOffers.id));
    const [names, engaged] = await Promise.all([organisationNames(db, rows), engagements(db, rows.map((r) => r.id))]);
    return rows.map((r) => offerOut(r, names, engaged));
  }
  return (await listProjects(db, null)).items.map(({ can: _can, ...p }) => p);
}

/**
 * A State's needs and offers as the public sees them, for the State's page: the same filters as
 * every list (`needsVisibleTo(null)`, `offersVisibleTo(null)`), withdrawn ones left out.
 */
export async function publicCapacityOfState(db: Executor, state: string) {
  const needs = await db
    .select({ id: capacityNeeds.id, title: capacityNeeds.title, status: capacityNeeds.status, codes: capacityNeeds.codes, publishedAt: capacityNeeds.publishedAt })
    .from(capacityNeeds)
    .where(and(needsVisibleTo(null), eq(capacityNeeds.state, state), sql`${capacityNeeds.status} <> 'withdrawn'`))
    .orderBy(desc(capacityNeeds.publishedAt));
  const offers = await db
    .select({ id: capacityOffers.id, title: capacityOffers.title, status: capacityOffers.status, codes: capacityOffers.codes, publishedAt: capacityOffers.publishedAt })
    .from(capacityOffers)
    .where(and(offersVisibleTo(null), eq(capacityOffers.offerorKind, 'state'), eq(capacityOffers.offerorState, state), sql`${capacityOffers.status} <> 'withdrawn'`))
    .orderBy(desc(capacityOffers.publishedAt));
  return { needs, offers };
}
