import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { recordAudit, type AuditActor } from '../../platform/audit/record.js';
import { organisations } from './tables.js';

export { organisations };

export type OrganisationKind = (typeof organisations.kind.enumValues)[number];

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, accreditation: organisations.accreditation })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

/**
 * Records an organisation. Accreditation on a non-objection basis (application, objection period)
 * is still to come; until then the Secretariat (or the demo) records its status directly.
 */
export async function recordOrganisation(
  db: Db,
  input: { actor: AuditActor | null; name: string; kind: OrganisationKind; accreditation: 'applied' | 'accredited'; website?: string },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id, name: input.name, kind: input.kind, accreditation: input.accreditation, website: input.website ?? null });
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
