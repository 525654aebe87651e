import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import type { Actor } from '../../../kernel/actor.js';
import { authorize } from '../../../platform/http/policy.js';
import { getState } from '../../states/index.js';
import { findOrganisation } from '../../stakeholders/index.js';
import { inDelegationOrder, inListOrder, publicParticipant, type ListedDelegation } from './delegations.js';
import { meetingsPolicy } from '../policy.js';
import { meetingRow, type MeetingRow } from '../reading.js';
import { participants, registrations } from '../tables.js';

/**
 * The list of participants of a meeting: the confirmed delegations, each person with name, title
 * and role only. It is public once the Secretariat publishes it; before, only the Secretariat sees it.
 */
export async function listOfParticipants(db: Executor, input: { actor: Actor | null; meetingId: string }): Promise<{ meeting: MeetingRow; delegations: ListedDelegation[] }> {
  const meeting = await meetingRow(db, input.meetingId, input.actor);
  authorize(input.actor, meetingsPolicy.readParticipants, { published: meeting.participantsPublishedAt !== null });
  const regs = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.meetingId, meeting.id), eq(registrations.status, 'confirmed')));
  if (regs.length === 0) return { meeting, delegations: [] };
  const people = await db
    .select({ registrationId: participants.registrationId, role: participants.role, name: participants.name, title: participants.title, position: participants.position })
    .from(participants)
    .where(inArray(participants.registrationId, regs.map((r) => r.id)))
    .orderBy(asc(participants.position));
  const delegations: ListedDelegation[] = [];
  for (const r of regs) {
    const mine = inDelegationOrder(people.filter((p) => p.registrationId === r.id)).map(publicParticipant);
    if (r.delegationKind === 'state') {
      const state = await getState(db, r.state!);
      delegations.push({ kind: 'state', id: state.iso3, name: state.names.en, standing: state.status, participants: mine });
    } else {
      const org = await findOrganisation(db, r.organisationId!);
      delegations.push({ kind: 'organisation', id: r.organisationId!, name: org?.name ?? 'Organisation', standing: 'organisation', participants: mine });
    }
  }
  return { meeting, delegations: inListOrder(delegations) };
}
