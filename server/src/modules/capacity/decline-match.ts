import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { CapacityDeps } from './deps.js';
import { labelOf, liveOn, lockMatch, matchOfParty } from './match-step.js';
import { notifyOtherSide } from './notify.js';
import { capacityPolicy } from './policy.js';
import { needOwner, organisationNames } from './records.js';
import { capacityMatches, capacityNeeds } from './tables.js';

/** The offeror declines an invitation, with a message. A need left with no invitation is open again. */
export async function declineMatch(deps: CapacityDeps, input: { actor: Actor; matchId: string; message: string }): Promise<{ id: string }> {
  await matchOfParty(deps.db, input.actor, input.matchId);
  return deps.db.transaction(async (tx) => {
    const { match, need, offer, parties } = await lockMatch(tx, input.matchId);
    authorize(input.actor, capacityPolicy.respond, parties);
    if (match.status !== 'invited') throw conflict(`The invitation is ${match.status}.`, 'match-status');
    const now = new Date();
    await tx.update(capacityMatches).set({ status: 'declined', responseMessage: input.message || null, respondedAt: now, closedAt: now }).where(eq(capacityMatches.id, match.id));
    if (need.status === 'in-discussion' && (await liveOn(tx, need.id)) === 0) await tx.update(capacityNeeds).set({ status: 'open' }).where(eq(capacityNeeds.id, need.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.decline', subjectType: 'capacity-match', subjectId: match.id, change: { needId: need.id, offerId: offer.id, message: input.message } });
    const names = await organisationNames(tx, [offer]);
    await notifyOtherSide(tx, { publicUrl: deps.publicUrl, to: needOwner(need), event: 'declined', need, offer, by: labelOf(parties.offeror, offer, names.get(offer.organisationId ?? '') ?? null), message: input.message });
    return { id: match.id };
  });
}
