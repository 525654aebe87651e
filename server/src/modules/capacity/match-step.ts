import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { matchRow, needOwner, needRow, offerRow, ownerOfOffer, type MatchRow, type NeedRow, type OfferRow } from './records.js';
import { capacityMatches, capacityProjects } from './tables.js';
import { actsFor, type Owner } from './visibility.js';
import type { MatchParties } from './policy.js';

/**
 * What every step of the match workflow shares: the match with its need and offer, locked in one order
 * (need, then offer, then match) so that two steps on the same need or offer queue rather than race,
 * and never deadlock.
 */
export interface LockedMatch {
  match: MatchRow;
  need: NeedRow;
  offer: OfferRow;
  parties: MatchParties;
}

export async function lockMatch(tx: Tx, matchId: string): Promise<LockedMatch> {
  const found = await matchRow(tx, matchId);
  const need = await needRow(tx, found.needId, true);
  const offer = await offerRow(tx, found.offerId, true);
  const match = await matchRow(tx, matchId, true);
  return { match, need, offer, parties: { needState: need.state, offeror: ownerOfOffer(offer) } };
}

/** A match the actor is a party to, by id; 404 for anyone else (a match says who talks to whom). */
export async function matchOfParty(db: Executor, actor: Actor | null, matchId: string): Promise<void> {
  const match = await matchRow(db, matchId).catch(() => null);
  if (!match) throw notFound('The match');
  const need = await needRow(db, match.needId);
  const offer = await offerRow(db, match.offerId);
  if (!actsFor(actor, needOwner(need)) && !actsFor(actor, ownerOfOffer(offer))) throw notFound('The match');
}

/** How many partners a need has confirmed. */
export async function confirmedOn(tx: Tx, needId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capacityMatches).where(and(eq(capacityMatches.needId, needId), eq(capacityMatches.status, 'confirmed')));
  return row?.n ?? 0;
}

/** How many running projects an offer is engaged in. */
export async function runningOf(tx: Tx, offerId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capacityProjects).where(and(eq(capacityProjects.offerId, offerId), eq(capacityProjects.status, 'running')));
  return row?.n ?? 0;
}

/** Invitations still waiting or accepted on a need. */
export async function liveOn(tx: Tx, needId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capacityMatches).where(and(eq(capacityMatches.needId, needId), inArray(capacityMatches.status, ['invited', 'accepted'])));
  return row?.n ?? 0;
}

/** How a side is named to the other in an email: a State's code, an organisation's name, the Secretariat's programme. */
export function labelOf(owner: Owner, offer: OfferRow | null, organisationName: string | null): string {
  switch (owner.kind) {
    case 'state':
      return owner.state;
    case 'organisation':
      return organisationName ?? 'An organisation';
    case 'secretariat':
      return `Secretariat${offer?.programme ? ` (${offer.programme})` : ''}`;
  }
}
