import { isSecretariat } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';

/** The framework is public to read; only the Secretariat records texts and sources. */
export const frameworkPolicy = {
  read: publicRead,
  record: rule('framework.record', (actor) => isSecretariat(actor)),
} as const;
