import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, forbidden } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { findOrganisation } from '../stakeholders/index.js';
import { capacityPolicy } from './policy.js';
import { checkFrameworkCodes } from './framework-codes.js';
import { checkPeriod } from './create-need.js';
import type { OfferBody } from './schemas.js';
import { capacityOffers } from './tables.js';
import { offerorOf } from './visibility.js';

/**
 * An offer, by a State's focal point for its State, an accredited organisation's representative for
 * it, or the Secretariat for a programme (which it names).
 */
export async function createOffer(db: Db, input: { actor: Actor; offer: z.infer<typeof OfferBody> }): Promise<{ id: string }> {
  authorize(input.actor, capacityPolicy.publishOffer, undefined);
  const owner = offerorOf(input.actor)!;
  const { programme, ...o } = input.offer;
  if (owner.kind === 'secretariat' && !programme) throw badRequest('The Secretariat offers for a programme: name it.', [{ field: 'body.programme', message: 'required for the Secretariat' }]);
  if (owner.kind !== 'secretariat' && programme) throw badRequest('Only the Secretariat offers for a programme.', [{ field: 'body.programme', message: 'not for you' }]);
  if (owner.kind === 'organisation' && (await findOrganisation(db, owner.organisationId))?.accreditation !== 'accredited') {
    throw forbidden('Only an accredited organisation publishes offers.');
  }
  checkPeriod(o.periodStart, o.periodEnd, 'body.periodEnd');
  await checkFrameworkCodes(db, o.codes, 'body.codes');
  const id = randomUUID();
  const row = {
    id,
    offerorKind: owner.kind,
    offerorState: owner.kind === 'state' ? owner.state : null,
    organisationId: owner.kind === 'organisation' ? owner.organisationId : null,
    programme: programme ?? null,
    ...o,
    codes: [...new Set(o.codes)],
    modalities: [...new Set(o.modalities)],
    languages: [...new Set(o.languages)],
    regions: [...new Set(o.regions)],
    states: [...new Set(o.states)],
    status: 'open' as const,
    publishedAt: new Date(),
    createdBy: input.actor.accountId,
  };
  await db.transaction(async (tx) => {
    await tx.insert(capacityOffers).values(row);
    await recordAudit(tx, { actor: input.actor, action: 'capacity.publish-offer', subjectType: 'capacity-offer', subjectId: id, change: { ...row, publishedAt: row.publishedAt.toISOString() } });
  });
  return { id };
}
