import { isSecretariat } from '../../platform/http/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';

/** The framework is public to read; only the Secretariat records texts and sources. */
export const frameworkPolicy = {
  read: publicRead,
  record: rule('framework.record', (actor) => isSecretariat(actor)),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const frameworkCan = {
  element: { recordText: ability(frameworkPolicy.record) },
} as const;
