import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { capacityPolicy } from './policy.js';
import { offerRow, ownerOfOffer } from './records.js';
import { capacityOffers } from './tables.js';
import type { CapacityVisibility } from './visibility.js';
import { seenOffer } from './reading.js';
import { offerMayBecome } from './status-moves.js';

/** The offeror closes, reopens or withdraws its offer, or changes who sees it. A withdrawn offer stays withdrawn. */
export async function updateOffer(db: Db, input: { actor: Actor; offerId: string; status?: 'open' | 'closed' | 'withdrawn' | undefined; visibility?: CapacityVisibility | undefined }) {
  await seenOffer(db, input.actor, input.offerId);
  return db.transaction(async (tx) => {
    const offer = await offerRow(tx, input.offerId, true);
    authorize(input.actor, capacityPolicy.manageOffer, ownerOfOffer(offer));
    if (input.status && !offerMayBecome(offer.status, input.status)) throw conflict('A withdrawn offer cannot be reopened: publish a new one.', 'offer-status');
    const change = { ...(input.status ? { status: input.status } : {}), ...(input.visibility ? { visibility: input.visibility } : {}) };
    await tx.update(capacityOffers).set(change).where(eq(capacityOffers.id, offer.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.update-offer', subjectType: 'capacity-offer', subjectId: offer.id, change: { ...change, from: { status: offer.status, visibility: offer.visibility } } });
    return { id: offer.id };
  });
}
