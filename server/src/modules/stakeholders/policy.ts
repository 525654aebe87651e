import { actsForOrganisation, hasRole, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';
import type { ApplicationStatus } from './tables.js';

/** A State acts through its own focal point only: the State is always the actor's own, never one named in a request. */
const ownFocalPoint = (actor: Actor | null) => !!actor?.state && isFocalPointOf(actor, actor.state);

/** An application as the rules see it. */
export interface ApplicationFacts {
  status: ApplicationStatus;
  /** Its non-objection period is running. */
  periodOpen: boolean;
  /** The caller's State has objected already. */
  objectedByOwnState: boolean;
}

/** An organisation as the rules of participation see it. */
export interface OrganisationFacts {
  id: string;
  accredited: boolean;
  /** The account of the representative invited first, who invites the others. */
  leadAccountId: string | null;
}

const actsForAccredited = (actor: Actor | null, o: OrganisationFacts) => o.accredited && actsForOrganisation(actor, o.id);

/**
 * Who may do what in accreditation and participation. Anyone may apply; the Secretariat checks
 * applications, circulates them and withdraws an accreditation by decision; focal points, and only
 * they, see the batches and object, for their own State. Representatives of an accredited organisation
 * have a voice (written inputs, requests to speak) and no part in any decision of the States.
 */
export const stakeholdersPolicy = {
  read: publicRead,
  /** Anyone may apply, signed in or not; an applicant follows its application with its private link. */
  apply: publicRead,
  manage: rule('stakeholders.manage', (actor) => isSecretariat(actor)),
  /** The batches circulated to the States: the Secretariat and the States' focal points. */
  readBatches: rule('stakeholders.read-batches', (actor) => isSecretariat(actor) || ownFocalPoint(actor)),
  /** Route-level: a focal point, for its own State. */
  objectAtAll: rule('stakeholders.object', ownFocalPoint),
  object: rule<ApplicationFacts>('stakeholders.object', (actor, a) => a.status === 'circulated' && a.periodOpen && !a.objectedByOwnState && ownFocalPoint(actor)),
  requestInformation: rule<ApplicationFacts>('stakeholders.manage', (actor, a) => isSecretariat(actor) && (a.status === 'submitted' || a.status === 'information-requested')),
  markComplete: rule<ApplicationFacts>('stakeholders.manage', (actor, a) => isSecretariat(actor) && a.status === 'submitted'),
  circulate: rule<ApplicationFacts>('stakeholders.manage', (actor, a) => isSecretariat(actor) && a.status === 'complete'),
  withdrawAccreditation: rule<OrganisationFacts>('stakeholders.manage', (actor, o) => isSecretariat(actor) && o.accredited),
  /** Route-level: a representative of some organisation. */
  representAtAll: rule('stakeholders.represent', (actor) => hasRole(actor, 'stakeholder') && !!actor?.organisation),
  /** Submit written inputs and ask to speak: a representative of this very organisation, while it is accredited. */
  represent: rule<OrganisationFacts>('stakeholders.represent', actsForAccredited),
  /** Invite the other representatives: the first representative, while the organisation is accredited. */
  inviteRepresentative: rule<OrganisationFacts>(
    'stakeholders.invite-representative',
    (actor, o) => actsForAccredited(actor, o) && o.leadAccountId !== null && actor!.accountId === o.leadAccountId,
  ),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const stakeholdersCan = {
  applications: { circulate: ability(stakeholdersPolicy.manage) },
  application: {
    object: ability(stakeholdersPolicy.object, (a: ApplicationFacts) => a),
    requestInformation: ability(stakeholdersPolicy.requestInformation, (a: ApplicationFacts) => a),
    markComplete: ability(stakeholdersPolicy.markComplete, (a: ApplicationFacts) => a),
    circulate: ability(stakeholdersPolicy.circulate, (a: ApplicationFacts) => a),
  },
  organisation: {
    withdraw: ability(stakeholdersPolicy.withdrawAccreditation, (o: OrganisationFacts) => o),
    submitInput: ability(stakeholdersPolicy.represent, (o: OrganisationFacts) => o),
    requestToSpeak: ability(stakeholdersPolicy.represent, (o: OrganisationFacts) => o),
    inviteRepresentative: ability(stakeholdersPolicy.inviteRepresentative, (o: OrganisationFacts) => o),
  },
} as const;
