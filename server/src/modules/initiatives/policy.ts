import { actsForOrganisation, isFocalPointOf, isSecretariat, type Actor } from '../../kernel/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';
import type { InitiativeStatus } from './tables.js';

/** An initiative as the rules see it: where it stands, and who proposed it. */
export interface InitiativeFacts {
  status: InitiativeStatus;
  proposedBy: string;
  proposerState: string | null;
  proposerOrganisation: string | null;
}

/** Whether the organisation the caller represents is accredited now (false when it represents none). */
export interface ProposerFacts {
  organisationAccredited: boolean;
}

/** Someone who may propose at all: the Secretariat, a State's focal point, an organisation's representative. */
const proposerAtAll = (actor: Actor | null) =>
  isSecretariat(actor) || (!!actor?.state && isFocalPointOf(actor, actor.state)) || (!!actor?.organisation && actsForOrganisation(actor, actor.organisation));

/**
 * A State proposes through its focal point, an organisation through its representatives while it is
 * accredited (a withdrawn accreditation ends it at once), or the Secretariat itself.
 */
const mayPropose = (actor: Actor | null, f: ProposerFacts) =>
  isSecretariat(actor) || (!!actor?.state && isFocalPointOf(actor, actor.state)) || (!!actor?.organisation && actsForOrganisation(actor, actor.organisation) && f.organisationAccredited);

/** The proposer: the same account, or the same State's focal point, or the same organisation's representative. */
export const isProposerOf = (actor: Actor | null, i: InitiativeFacts): boolean =>
  !!actor &&
  (actor.accountId === i.proposedBy ||
    (!!i.proposerState && isFocalPointOf(actor, i.proposerState)) ||
    (!!i.proposerOrganisation && actsForOrganisation(actor, i.proposerOrganisation)));

/**
 * Who may do what with the registry of other initiatives. Only published initiatives are public; a
 * proposer sees its own while the Secretariat reviews them (and the reason, if declined); the
 * Secretariat sees and decides on all.
 */
export const initiativesPolicy = {
  read: publicRead,
  /** Route-level: whoever may propose in some case; the rule below asks about the organisation now. */
  proposeAtAll: rule('initiatives.propose', proposerAtAll),
  propose: rule<ProposerFacts>('initiatives.propose', mayPropose),
  review: rule('initiatives.review', (actor) => isSecretariat(actor)),
  see: rule<InitiativeFacts>('initiatives.see', (actor, i) => i.status === 'published' || isSecretariat(actor) || isProposerOf(actor, i)),
  publish: rule<InitiativeFacts>('initiatives.review', (actor, i) => i.status === 'proposed' && isSecretariat(actor)),
  decline: rule<InitiativeFacts>('initiatives.review', (actor, i) => i.status === 'proposed' && isSecretariat(actor)),
  /** Route-level: whoever may propose may ask to edit; the rule below decides for each initiative. */
  editAtAll: rule('initiatives.edit', proposerAtAll),
  /**
   * The Secretariat keeps the registry: it edits a proposed or a published initiative (a declined one
   * stays as it was declined). A proposer edits its own until the Secretariat has decided on it.
   */
  edit: rule<InitiativeFacts & ProposerFacts>(
    'initiatives.edit',
    (actor, i) => (isSecretariat(actor) && (i.status === 'proposed' || i.status === 'published')) || (i.status === 'proposed' && mayPropose(actor, i) && isProposerOf(actor, i)),
  ),
} as const;

/** What the `can` blocks show (derived by `canOf`). */
export const initiativesCan = {
  list: { propose: ability(initiativesPolicy.propose, (f: ProposerFacts) => f), review: ability(initiativesPolicy.review) },
  initiative: {
    publish: ability(initiativesPolicy.publish, (i: InitiativeFacts & ProposerFacts) => i),
    decline: ability(initiativesPolicy.decline, (i: InitiativeFacts & ProposerFacts) => i),
    edit: ability(initiativesPolicy.edit, (i: InitiativeFacts & ProposerFacts) => i),
  },
} as const;
