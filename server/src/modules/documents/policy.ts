import { isSecretariat } from '../../platform/http/actor.js';
import { ability, publicRead, rule } from '../../platform/http/policy.js';

/** Official documents are public; only the Secretariat issues them and uploads their language versions. */
export const documentsPolicy = {
  read: publicRead,
  issue: rule('documents.issue', (actor) => isSecretariat(actor)),
  upload: rule('documents.upload', (actor) => isSecretariat(actor)),
} as const;

/** What the `can` block of each kind of thing shows, from the rules above (derived by `canOf`). */
export const documentsCan = {
  list: { issue: ability(documentsPolicy.issue) },
  document: { upload: ability(documentsPolicy.upload) },
} as const;
