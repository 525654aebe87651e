import { eq } from 'drizzle-orm';
import { isFocalPointOf, type Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { CapacityDeps } from './deps.js';
import { labelOf, liveOn, lockMatch, matchOfParty } from './match-step.js';
import { notifyOtherSide } from './notify.js';
import { capacityPolicy } from './policy.js';
import { needOwner, organisationNames } from './records.js';
import { capacityMatches, capacityNeeds } from './tables.js';

/** Either side withdraws from a match before it is confirmed, with a message to the other. */
export async function withdrawMatch(deps: CapacityDeps, input: { actor: Actor; matchId: string; message: string }): Promise<{ id: string }> {
  await matchOfParty(deps.db, input.actor, input.matchId);
  return deps.db.transaction(async (tx) => {
    const { match, need, offer, parties } = await lockMatch(tx, input.matchId);
    authorize(input.actor, capacityPolicy.withdraw, parties);
    if (!['invited', 'accepted'].includes(match.status)) throw conflict(`The match is ${match.status}: only one not yet confirmed may be withdrawn.`, 'match-status');
    const side = isFocalPointOf(input.actor, need.state) ? 'requester' : 'offeror';
    const now = new Date();
    await tx.update(capacityMatches).set({ status: 'withdrawn', withdrawnBy: side, withdrawMessage: input.message || null, closedAt: now }).where(eq(capacityMatches.id, match.id));
    if (need.status === 'in-discussion' && (await liveOn(tx, need.id)) === 0) await tx.update(capacityNeeds).set({ status: 'open' }).where(eq(capacityNeeds.id, need.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.withdraw', subjectType: 'capacity-match', subjectId: match.id, change: { needId: need.id, offerId: offer.id, side, message: input.message } });
    const names = await organisationNames(tx, [offer]);
    const by = side === 'requester' ? need.state : labelOf(parties.offeror, offer, names.get(offer.organisationId ?? '') ?? null);
    await notifyOtherSide(tx, { publicUrl: deps.publicUrl, to: side === 'requester' ? parties.offeror : needOwner(need), event: 'withdrawn', need, offer, by, message: input.message });
    return { id: match.id };
  });
}
