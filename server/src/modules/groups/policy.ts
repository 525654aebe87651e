import { actsForOrganisation, actsForState, isSecretariat } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';
import type { Participant } from './membership.js';

/**
 * Who may do what with working groups. The Secretariat sets groups up; a State joins and leaves by
 * itself (its focal point or a delegate), never for another; an organisation's representative
 * takes part as an observer for it alone; nobody joins an organisation as a member.
 */
export const groupsPolicy = {
  read: publicRead,
  manage: rule('groups.manage', (actor) => isSecretariat(actor)),
  joinAsMember: rule<Participant>('groups.join', (actor, who) => who.kind === 'state' && actsForState(actor, who.state)),
  leave: rule<string>('groups.leave', (actor, iso3) => actsForState(actor, iso3)),
  observe: rule<string>('groups.observe', (actor, organisationId) => actsForOrganisation(actor, organisationId)),
  stopObserving: rule<string>('groups.stop-observing', (actor, organisationId) => actsForOrganisation(actor, organisationId)),
} as const;
