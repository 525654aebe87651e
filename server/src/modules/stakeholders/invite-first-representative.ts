import { eq, and, isNull } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { Problem } from '../../platform/http/problem.js';
import { inviteAccount } from '../accounts/index.js';
import { applicationRow } from './applications.js';
import { organisations } from './tables.js';

/**
 * Invites the first representative named in the application of an organisation just accredited, as a
 * `stakeholder` account of the organisation, and records it as the one who invites the others. Run as
 * a leased job after the accreditation commits (an invitation is a transaction of the accounts module
 * of its own). Run twice, it finds the account made and leaves it.
 */
export function inviteFirstRepresentativeJob(ctx: PlatformContext) {
  return {
    leaseMs: 60_000,
    async run({ db, job }: { db: Db; job: { payload: unknown } }): Promise<void> {
      const { applicationId } = job.payload as { applicationId: string };
      const row = await applicationRow(db, applicationId);
      const [org] = await db.select({ accreditation: organisations.accreditation, lead: organisations.leadAccountId }).from(organisations).where(eq(organisations.id, row.organisationId));
      if (!org || org.accreditation !== 'accredited' || org.lead) return;
      const first = row.representatives[0]!;
      try {
        const invited = await inviteAccount(ctx, { actor: null, email: first.email, name: first.name, role: 'stakeholder', organisationId: row.organisationId, language: row.language });
        await db.update(organisations).set({ leadAccountId: invited.id }).where(and(eq(organisations.id, row.organisationId), isNull(organisations.leadAccountId)));
      } catch (error) {
        // An account with this address exists already (a run before this one, or a person known to the platform): nothing more to do.
        if (error instanceof Problem && error.status === 409) return;
        throw error;
      }
    },
  };
}
