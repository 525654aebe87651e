import { isSecretariat } from '../../platform/http/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';

/** Who may do what with States: anyone reads; only the Secretariat corrects a name. */
export const statesPolicy = {
  read: publicRead,
  correctNames: rule('states.correct-names', (actor) => isSecretariat(actor)),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const statesCan = {
  state: { correctNames: ability(statesPolicy.correctNames) },
} as const;
