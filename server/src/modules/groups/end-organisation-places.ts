import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { groupMembers } from './tables.js';

/**
 * An organisation whose accreditation is withdrawn leaves the groups it observes, in the caller's
 * transaction (the withdrawal's, which audits it), as leaving a group does: its place is closed, its
 * history kept.
 */
export async function endOrganisationPlaces(tx: Executor, organisationId: string, at: Date, by: string): Promise<string[]> {
  const left = await tx
    .update(groupMembers)
    .set({ leftAt: at, leftBy: by })
    .where(and(eq(groupMembers.organisationId, organisationId), isNull(groupMembers.leftAt)))
    .returning({ groupId: groupMembers.groupId });
  return left.map((l) => l.groupId);
}
