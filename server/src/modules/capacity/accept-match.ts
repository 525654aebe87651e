import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { CapacityDeps } from './deps.js';
import { labelOf, lockMatch, matchOfParty, runningOf } from './match-step.js';
import { notifyOtherSide } from './notify.js';
import { capacityPolicy } from './policy.js';
import { needOwner, organisationNames } from './records.js';
import { capacityMatches } from './tables.js';

/** The offeror accepts an invitation, with a message: the requesting State may then confirm it. */
export async function acceptMatch(deps: CapacityDeps, input: { actor: Actor; matchId: string; message: string }): Promise<{ id: string }> {
  await matchOfParty(deps.db, input.actor, input.matchId);
  return deps.db.transaction(async (tx) => {
    const { match, need, offer, parties } = await lockMatch(tx, input.matchId);
    authorize(input.actor, capacityPolicy.respond, parties);
    if (match.status !== 'invited') throw conflict(`The invitation is ${match.status}.`, 'match-status');
    if (!['open', 'in-discussion'].includes(need.status)) throw conflict(`The need is ${need.status}: it has the partners it asked for.`, 'need-closed');
    if (offer.status !== 'open') throw conflict(`Your offer is ${offer.status}.`, 'offer-closed');
    if ((await runningOf(tx, offer.id)) >= offer.capacity) throw conflict('Your offer is engaged in as many projects as it can take.', 'offer-full');
    await tx.update(capacityMatches).set({ status: 'accepted', responseMessage: input.message || null, respondedAt: new Date() }).where(eq(capacityMatches.id, match.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.accept', subjectType: 'capacity-match', subjectId: match.id, change: { needId: need.id, offerId: offer.id, message: input.message } });
    const names = await organisationNames(tx, [offer]);
    await notifyOtherSide(tx, { publicUrl: deps.publicUrl, to: needOwner(need), event: 'accepted', need, offer, by: labelOf(parties.offeror, offer, names.get(offer.organisationId ?? '') ?? null), message: input.message });
    return { id: match.id };
  });
}
