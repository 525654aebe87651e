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

/** A State proposes through its focal point, an organisation through its representatives, or the Secretariat itself. */
const mayPropose = (actor: Actor | null) =>
  isSecretariat(actor) || (!!actor?.state && isFocalPointOf(actor, actor.state)) || (!!actor?.organisation && actsForOrganisation(actor, actor.organisation));

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
  propose: rule('initiatives.propose', mayPropose),
  review: rule('initiatives.review', (actor) => isSecretariat(actor)),
  see: rule<InitiativeFacts>('initiatives.see', (actor, i) => i.status === 'published' || isSecretariat(actor) || isProposerOf(actor, i)),
  publish: rule<InitiativeFacts>('initiatives.review', (actor, i) => i.status === 'proposed' && isSecretariat(actor)),
  decline: rule<InitiativeFacts>('initiatives.review', (actor, i) => i.status === 'proposed' && isSecretariat(actor)),
  /** Route-level: whoever may propose may ask to edit; the rule below decides for each initiative. */
  editAtAll: rule('initiatives.edit', mayPropose),
  /**
   * The Secretariat keeps the registry: it edits a proposed or a published initiative (a declined one
   * stays as it was declined). A proposer edits its own until the Secretariat has decided on it.
   */
  edit: rule<InitiativeFacts>(
    'initiatives.edit',
    (actor, i) => (isSecretariat(actor) && (i.status === 'proposed' || i.status === 'published')) || (i.status === 'proposed' && mayPropose(actor) && isProposerOf(actor, i)),
  ),
} as const;

/** What the `can` blocks show (derived by `canOf`). */
export const initiativesCan = {
  list: { propose: ability(initiativesPolicy.propose), review: ability(initiativesPolicy.review) },
  initiative: {
    publish: ability(initiativesPolicy.publish, (i: InitiativeFacts) => i),
    decline: ability(initiativesPolicy.decline, (i: InitiativeFacts) => i),
    edit: ability(initiativesPolicy.edit, (i: InitiativeFacts) => i),
  },
} as const;
