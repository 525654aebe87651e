import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { CapacityDeps } from './deps.js';
import { confirmedOn, lockMatch, matchOfParty, runningOf } from './match-step.js';
import { notifyOtherSide } from './notify.js';
import { capacityPolicy } from './policy.js';
import { capacityMatches, capacityNeeds, capacityProjects } from './tables.js';

/**
 * The requesting State's focal point confirms an accepted match, and the project begins. The need and
 * the offer are locked first: two confirmations at once never give a need more partners than it asked
 * for, nor an offer more projects than it can take (the later one is refused with 409).
 */
export async function confirmMatch(deps: CapacityDeps, input: { actor: Actor; matchId: string; message: string }): Promise<{ id: string; projectId: string }> {
  await matchOfParty(deps.db, input.actor, input.matchId);
  return deps.db.transaction(async (tx) => {
    const { match, need, offer, parties } = await lockMatch(tx, input.matchId);
    authorize(input.actor, capacityPolicy.confirm, parties);
    if (match.status !== 'accepted') throw conflict(`The match is ${match.status}: only an accepted match is confirmed.`, 'match-status');
    const confirmed = await confirmedOn(tx, need.id);
    if (confirmed >= need.partners || !['open', 'in-discussion'].includes(need.status)) throw conflict('The need already has the partners it asked for.', 'need-matched');
    if ((await runningOf(tx, offer.id)) >= offer.capacity) throw conflict('The offer is engaged in as many projects as it can take.', 'offer-full');
    const now = new Date();
    const projectId = randomUUID();
    await tx.update(capacityMatches).set({ status: 'confirmed', closedAt: now }).where(eq(capacityMatches.id, match.id));
    const project = { id: projectId, matchId: match.id, needId: need.id, offerId: offer.id, title: need.title, objectives: '', milestones: [], principles: [], publicParts: { project: false, objectives: false, milestones: false }, status: 'running' as const, startedAt: now };
    await tx.insert(capacityProjects).values(project);
    const full = confirmed + 1 >= need.partners;
    if (full) await tx.update(capacityNeeds).set({ status: 'matched', matchedAt: now }).where(eq(capacityNeeds.id, need.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.confirm', subjectType: 'capacity-match', subjectId: match.id, change: { needId: need.id, offerId: offer.id, projectId, needMatched: full, message: input.message } });
    await notifyOtherSide(tx, { publicUrl: deps.publicUrl, to: parties.offeror, event: 'confirmed', need, offer, by: need.state, message: input.message });
    return { id: match.id, projectId };
  });
}
