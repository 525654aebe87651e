import { isSecretariat } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';

/** Who may do what with States: anyone reads; only the Secretariat corrects a name. */
export const statesPolicy = {
  read: publicRead,
  correctNames: rule('states.correct-names', (actor) => isSecretariat(actor)),
} as const;
