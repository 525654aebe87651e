import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { meetings, registrations } from '../tables.js';

/** Meetings whose registrations are history: left as they were. */
const OVER = ['closed', 'cancelled'] as const;

/**
 * An organisation whose accreditation is withdrawn no longer takes part in meetings to come: its
 * registrations for meetings not yet over are withdrawn, in the caller's transaction (the withdrawal's,
 * which audits them). Registrations for meetings that are over stay as the record of who was there.
 */
export async function withdrawOrganisationRegistrations(tx: Executor, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(and(eq(registrations.organisationId, organisationId), ne(registrations.status, 'withdrawn'), notInArray(meetings.status, [...OVER])))
    .for('update');
  const ids = rows.map((r) => r.id);
  if (ids.length) await tx.update(registrations).set({ status: 'withdrawn', version: sql`${registrations.version} + 1` }).where(inArray(registrations.id, ids));
  return ids;
}
