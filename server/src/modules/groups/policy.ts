import { actsForOrganisation, actsForState, isSecretariat } from '../../platform/http/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';
import { joinRefusal, type GroupFacts, type Participant } from './membership.js';

/** A group as the rules of its `can` block see it: where it stands, who takes part, and whether the caller's organisation is accredited. */
export interface GroupStanding {
  group: GroupFacts;
  memberStates: readonly string[];
  observerOrganisations: readonly string[];
  accredited: boolean;
}

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

  // The same acts for the caller's own State or organisation, on a group as it stands.
  joinOwn: rule<GroupStanding>('groups.join', (actor, g) => {
    const state = actor?.state;
    return !!state && !g.memberStates.includes(state) && actsForState(actor, state) && joinRefusal(g.group, { kind: 'state', state }, 'member', true) === null;
  }),
  leaveOwn: rule<GroupStanding>('groups.leave', (actor, g) => !!actor?.state && g.memberStates.includes(actor.state) && actsForState(actor, actor.state)),
  observeOwn: rule<GroupStanding>('groups.observe', (actor, g) => {
    const org = actor?.organisation;
    return (
      !!org &&
      !g.observerOrganisations.includes(org) &&
      actsForOrganisation(actor, org) &&
      joinRefusal(g.group, { kind: 'organisation', organisationId: org }, 'observer', g.accredited) === null
    );
  }),
  stopObservingOwn: rule<GroupStanding>(
    'groups.stop-observing',
    (actor, g) => !!actor?.organisation && g.observerOrganisations.includes(actor.organisation) && actsForOrganisation(actor, actor.organisation),
  ),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const groupsCan = {
  list: { create: ability(groupsPolicy.manage) },
  group: {
    manage: ability(groupsPolicy.manage),
    join: ability(groupsPolicy.joinOwn, (g: GroupStanding) => g),
    leave: ability(groupsPolicy.leaveOwn, (g: GroupStanding) => g),
    observe: ability(groupsPolicy.observeOwn, (g: GroupStanding) => g),
    stopObserving: ability(groupsPolicy.stopObservingOwn, (g: GroupStanding) => g),
  },
} as const;
