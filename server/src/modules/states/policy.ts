import { isFocalPointOf, isSecretariat } from '../../kernel/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';

/**
 * Who may do what with States: anyone reads (a State's page included); only the Secretariat corrects
 * a name; a State's national publications are published, versioned and withdrawn by that State's
 * focal point alone (never the Secretariat, never another State's).
 */
export const statesPolicy = {
  read: publicRead,
  correctNames: rule('states.correct-names', (actor) => isSecretariat(actor)),
  /** Publish, add a version to, or withdraw a national publication of the State (its ISO3). */
  publishNational: rule<string>('states.publish-national', (actor, iso3) => isFocalPointOf(actor, iso3)),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const statesCan = {
  state: { correctNames: ability(statesPolicy.correctNames) },
  /** A State's page: may the caller publish for this State. */
  record: { publish: ability(statesPolicy.publishNational, (s: { iso3: string }) => s.iso3) },
  publication: {
    addVersion: ability(statesPolicy.publishNational, (p: { state: string }) => p.state),
    withdraw: ability(statesPolicy.publishNational, (p: { state: string }) => p.state),
  },
} as const;
