import type { Executor } from '../../platform/db/database.js';
import { hasRole, type Actor } from '../../kernel/actor.js';
import { Problem } from '../../platform/http/problem.js';
import { findOrganisation } from '../stakeholders/index.js';
import { ROLES_FOR } from './registration/delegations.js';
import { registrationIsOpen } from './meeting-rules.js';
import type { MeetingFacts, OwnDelegation } from './policy.js';
import type { MeetingRow } from './reading.js';
import { delegationName } from './registration/register-delegation.js';

/** The delegation the caller acts for, if any, and whether (for an organisation) it is accredited. */
export async function ownDelegation(db: Executor, actor: Actor | null): Promise<OwnDelegation | null> {
  if (!actor) return null;
  if (actor.state && (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate'))) return { delegation: { kind: 'state', state: actor.state }, accredited: true };
  if (actor.organisation && hasRole(actor, 'stakeholder')) {
    const org = await findOrganisation(db, actor.organisation);
    return { delegation: { kind: 'organisation', organisationId: actor.organisation }, accredited: org?.accreditation === 'accredited' };
  }
  return null;
}

/** What the rules of a meeting's `can` block need to know of it, as it stands now, for this caller. */
export const meetingFacts = (m: MeetingRow, own: OwnDelegation | null, agenda: { items: readonly unknown[] } | null, now = new Date()): MeetingFacts => ({
  status: m.status,
  registrationOpen: registrationIsOpen(m, now),
  stakeholdersMayAttend: m.stakeholdersMayAttend,
  participantsPublished: m.participantsPublishedAt !== null,
  hasAgendaItems: !!agenda && agenda.items.length > 0,
  own,
});

/** The caller's own delegation as the registration page needs it: who, named as the list of participants names it, and the roles it lists. */
export async function delegationOfCaller(db: Executor, own: OwnDelegation | null) {
  if (!own) return null;
  try {
    return { ...own.delegation, name: await delegationName(db, own.delegation), roles: [...ROLES_FOR[own.delegation.kind]] };
  } catch (error) {
    // An account whose organisation is gone acts for no delegation.
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}
