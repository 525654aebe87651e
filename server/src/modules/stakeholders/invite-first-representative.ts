import { eq, and, isNull } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { Problem } from '../../platform/http/problem.js';
import { grantStakeholderRole, inviteAccount } from '../accounts/index.js';
import { applicationRow } from './applications.js';
import { organisations } from './tables.js';

/**
 * Invites the first representative named in the application of an organisation just accredited, as a
 * `stakeholder` account of the organisation, and records it as the one who invites the others. Run as
 * a leased job after the accreditation commits (an invitation is a transaction of the accounts module
 * of its own). When the person has an account already, that account is made the representative (or
 * found to be one already: a run before this one). When it cannot be (it acts for a State, the
 * Secretariat or another organisation), the next representative named is the first, so that someone
 * can always invite the others.
 */
export function inviteFirstRepresentativeJob(ctx: PlatformContext) {
  return {
    leaseMs: 60_000,
    async run({ db, job }: { db: Db; job: { payload: unknown } }): Promise<void> {
      const { applicationId } = job.payload as { applicationId: string };
      const row = await applicationRow(db, applicationId);
      const [org] = await db.select({ accreditation: organisations.accreditation, lead: organisations.leadAccountId }).from(organisations).where(eq(organisations.id, row.organisationId));
      if (!org || org.accreditation !== 'accredited' || org.lead) return;
      for (const person of row.representatives) {
        const lead = await leadAccount(ctx, { email: person.email, name: person.name, organisationId: row.organisationId, language: row.language });
        if (!lead) continue;
        await db.update(organisations).set({ leadAccountId: lead }).where(and(eq(organisations.id, row.organisationId), isNull(organisations.leadAccountId)));
        return;
      }
    },
  };
}

/** The account of a representative: invited, or the one the person has made a representative; null when it cannot be one. */
async function leadAccount(ctx: PlatformContext, person: { email: string; name: string; organisationId: string; language: Parameters<typeof inviteAccount>[1]['language'] }): Promise<string | null> {
  try {
    return (await inviteAccount(ctx, { actor: null, email: person.email, name: person.name, role: 'stakeholder', organisationId: person.organisationId, language: person.language })).id;
  } catch (error) {
    if (!(error instanceof Problem && error.status === 409)) throw error;
  }
  try {
    return (await grantStakeholderRole(ctx, { actor: null, email: person.email, organisationId: person.organisationId }))?.id ?? null;
  } catch (error) {
    if (error instanceof Problem && error.status === 409) return null;
    throw error;
  }
}
