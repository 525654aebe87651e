import type { Executor } from '../../platform/db/database.js';
import { hasRole, type Actor } from '../../kernel/actor.js';
import { findOrganisation } from '../stakeholders/index.js';
import type { Delegation } from './delegations.js';
import { registrationIsOpen } from './meeting-rules.js';
import { meetingsPolicy } from './policy.js';
import type { MeetingRow } from './reading.js';

/** The delegation the caller acts for, if any, and whether (for an organisation) it is accredited. */
export async function ownDelegation(db: Executor, actor: Actor | null): Promise<{ delegation: Delegation; accredited: boolean } | null> {
  if (!actor) return null;
  if (actor.state && (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate'))) return { delegation: { kind: 'state', state: actor.state }, accredited: true };
  if (actor.organisation && hasRole(actor, 'stakeholder')) {
    const org = await findOrganisation(db, actor.organisation);
    return { delegation: { kind: 'organisation', organisationId: actor.organisation }, accredited: org?.accreditation === 'accredited' };
  }
  return null;
}

/** What the caller may do with a meeting, from the module's policy and the meeting's state. */
export function meetingCan(actor: Actor | null, m: MeetingRow, own: { delegation: Delegation; accredited: boolean } | null, now = new Date()) {
  const admitted = !!own && own.accredited && (own.delegation.kind === 'state' || m.stakeholdersMayAttend);
  return {
    manage: meetingsPolicy.manage.allows(actor),
    register: admitted && registrationIsOpen(m, now) && meetingsPolicy.register.allows(actor, own!.delegation),
    submitStatement: admitted && meetingsPolicy.submitStatement.allows(actor, own!.delegation),
    readParticipants: meetingsPolicy.readParticipants.allows(actor, { published: m.participantsPublishedAt !== null }),
    publish: meetingsPolicy.publish.allows(actor),
  };
}
