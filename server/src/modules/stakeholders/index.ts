import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { recordAudit, type AuditActor } from '../../platform/audit/record.js';
import { organisations } from './tables.js';

export { organisations };
export { stakeholdersRoutes } from './routes.js';
export { stakeholdersPolicy } from './policy.js';
export { NON_OBJECTION_JOB } from './circulate-batch.js';
export { INVITE_LEAD_JOB, nonObjectionPeriodHandler } from './non-objection-period.js';
export { inviteFirstRepresentativeJob } from './invite-first-representative.js';
// The use cases the demo data is made with.
export { submitApplication } from './submit-application.js';
export { markComplete } from './mark-complete.js';
export { circulateBatch } from './circulate-batch.js';
export { objectToApplication } from './object-to-application.js';
export { submitWrittenInput } from './submit-written-input.js';
export { requestToSpeak } from './request-to-speak.js';
export { writtenInputsSearchSource } from './search-source.js';

export type OrganisationKind = (typeof organisations.kind.enumValues)[number];

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, accreditation: organisations.accreditation })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

/**
 * Records an organisation directly, outside the non-objection path (reference data, tests). The
 * accreditation of an applicant goes through an application and its non-objection period.
 */
export async function recordOrganisation(
  db: Db,
  input: { actor: AuditActor | null; name: string; kind: OrganisationKind; accreditation: 'applied' | 'accredited'; website?: string },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id, name: input.name, names: { en: input.name }, kind: input.kind, accreditation: input.accreditation, website: input.website ?? null, accreditedAt: input.accreditation === 'accredited' ? new Date() : null });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'stakeholders.record-organisation',
      subjectType: 'organisation',
      subjectId: id,
      change: { name: input.name, kind: input.kind, accreditation: input.accreditation, website: input.website ?? null },
    });
  });
  return id;
}
