import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import type { CapacityDeps } from './deps.js';
import { pillarsInForce } from './framework-codes.js';
import { scoreMatch } from './matching.js';
import { notifyOtherSide } from './notify.js';
import { capacityPolicy } from './policy.js';
import { seenNeed, seenOffer } from './reading.js';
import { needFacts, needRow, offerFacts, offerRow, ownerOfOffer } from './records.js';
import { capacityMatches, capacityNeeds } from './tables.js';

/**
 * The requesting State's focal point invites an offer it sees on its need. The score and its reasons
 * as they stood are kept with the invitation; the offeror is told, in its language.
 */
export async function inviteOffer(deps: CapacityDeps, input: { actor: Actor; needId: string; offerId: string; message: string }): Promise<{ id: string }> {
  const { db } = deps;
  const seen = await seenNeed(db, input.actor, input.needId);
  authorize(input.actor, capacityPolicy.invite, seen);
  await seenOffer(db, input.actor, input.offerId);
  const pillarOf = await pillarsInForce(db);
  const group = (await getState(db, seen.state).catch(() => null))?.regionalGroup ?? null;
  return db.transaction(async (tx) => {
    const need = await needRow(tx, input.needId, true);
    const offer = await offerRow(tx, input.offerId, true);
    if (!['open', 'in-discussion'].includes(need.status)) throw conflict(`The need is ${need.status}: it takes no more invitations.`, 'need-closed');
    if (offer.status !== 'open') throw conflict(`The offer is ${offer.status}.`, 'offer-closed');
    if (offer.offerorKind === 'state' && offer.offerorState === need.state) throw conflict("A State does not invite its own offer on its own need.", 'own-offer');
    const [live] = await tx
      .select({ id: capacityMatches.id })
      .from(capacityMatches)
      .where(and(eq(capacityMatches.needId, need.id), eq(capacityMatches.offerId, offer.id), inArray(capacityMatches.status, ['invited', 'accepted', 'confirmed'])));
    if (live) throw conflict(`This offer is already invited on this need (${live.id}).`, 'already-invited');
    const { score, reasons } = scoreMatch(needFacts(need, group), offerFacts(offer), pillarOf);
    const id = randomUUID();
    const now = new Date();
    await tx.insert(capacityMatches).values({ id, needId: need.id, offerId: offer.id, status: 'invited', score, inviteMessage: input.message || null, invitedAt: now });
    if (need.status === 'open') await tx.update(capacityNeeds).set({ status: 'in-discussion' }).where(eq(capacityNeeds.id, need.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.invite', subjectType: 'capacity-match', subjectId: id, change: { needId: need.id, offerId: offer.id, score, reasons, message: input.message } });
    await notifyOtherSide(tx, { publicUrl: deps.publicUrl, to: ownerOfOffer(offer), event: 'invited', need, offer, by: need.state, message: input.message });
    return { id };
  });
}
