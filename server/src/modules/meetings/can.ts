import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { hasRole, type Actor } from '../../kernel/actor.js';
import { Problem } from '../../platform/http/problem.js';
import { findOrganisation } from '../stakeholders/index.js';
import { ROLES_FOR } from './registration/delegations.js';
import { registrationIsOpen } from './meeting-rules.js';
import type { MeetingFacts, OwnDelegation } from './policy.js';
import type { MeetingRow } from './reading.js';
import { delegationName } from './registration/register-delegation.js';
import { registrations } from './tables.js';

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

/**
 * The caller's own delegation as the meeting and registration pages need it: who, named as the list of
 * participants names it, the roles it lists, and where its registration for this meeting stands (so the
 * page offers "Register your delegation" only when there is something to register).
 */
export async function delegationOfCaller(db: Executor, own: OwnDelegation | null, meetingId: string) {
  if (!own) return null;
  try {
    const d = own.delegation;
    const [registration] = await db
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), d.kind === 'state' ? eq(registrations.state, d.state) : eq(registrations.organisationId, d.organisationId)));
    return { ...d, name: await delegationName(db, d), roles: [...ROLES_FOR[d.kind]], registration: registration ? { status: registration.status } : null };
  } catch (error) {
    // An account whose organisation is gone acts for no delegation.
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}
