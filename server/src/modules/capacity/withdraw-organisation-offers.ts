import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { capacityOffers } from './tables.js';

/**
 * An organisation whose accreditation is withdrawn offers nothing more: its open offers are withdrawn,
 * in the caller's transaction (the withdrawal's, which audits them). Matches and projects already
 * agreed with a State stay: they are that State's commitments, which it ends itself.
 */
export async function withdrawOrganisationOffers(tx: Executor, organisationId: string): Promise<string[]> {
  const withdrawn = await tx
    .update(capacityOffers)
    .set({ status: 'withdrawn' })
    .where(and(eq(capacityOffers.organisationId, organisationId), eq(capacityOffers.status, 'open')))
    .returning({ id: capacityOffers.id });
  return withdrawn.map((o) => o.id);
}
