import { actsForOrganisation, actsForState, hasRole, isSecretariat, type Actor } from '../../kernel/actor.js';
import { publicRead, rule, signedIn } from '../../platform/http/policy.js';
import type { Delegation } from './delegations.js';

/** Whether the actor acts for this very delegation: a focal point or delegate of the State, a representative of the organisation. */
export const actsForDelegation = (actor: Actor | null, d: Delegation): boolean =>
  d.kind === 'state' ? actsForState(actor, d.state) : actsForOrganisation(actor, d.organisationId);

/** Anyone who acts for some delegation. */
const actsForSomeDelegation = (actor: Actor | null): boolean =>
  hasRole(actor, 'focal_point') || hasRole(actor, 'delegate') || hasRole(actor, 'stakeholder');

/**
 * Who may do what with meetings, agendas, registrations, statements and calendars. The Secretariat
 * sets up and runs meetings; a delegation acts for itself alone; the list of participants and the
 * statements are public only once the Secretariat publishes them.
 */
export const meetingsPolicy = {
  read: publicRead,
  manage: rule('meetings.manage', (actor) => isSecretariat(actor)),
  /** Register or change a delegation: only someone acting for it. */
  register: rule<Delegation>('meetings.register', actsForDelegation),
  readRegistration: rule<Delegation>('meetings.read-registration', (actor, d) => isSecretariat(actor) || actsForDelegation(actor, d)),
  /** Route-level: may list registrations at all (each sees only its own, the Secretariat all). */
  listRegistrations: rule('meetings.list-registrations', (actor) => isSecretariat(actor) || actsForSomeDelegation(actor)),
  confirm: rule('meetings.confirm-registration', (actor) => isSecretariat(actor)),
  readParticipants: rule<{ published: boolean }>('meetings.read-participants', (actor, list) => list.published || isSecretariat(actor)),
  publish: rule('meetings.publish', (actor) => isSecretariat(actor)),
  submitStatement: rule<Delegation>('meetings.submit-statement', actsForDelegation),
  readStatement: rule<{ published: boolean; delegation: Delegation }>(
    'meetings.read-statement',
    (actor, s) => s.published || isSecretariat(actor) || actsForDelegation(actor, s.delegation),
  ),
  /** One's own private calendar feed. */
  calendarFeed: signedIn,
} as const;
