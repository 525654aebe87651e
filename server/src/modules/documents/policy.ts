import { isSecretariat } from '../../kernel/actor.js';
import { publicRead, rule } from '../../platform/http/policy.js';

/** Official documents are public; only the Secretariat issues them and uploads their language versions. */
export const documentsPolicy = {
  read: publicRead,
  issue: rule('documents.issue', (actor) => isSecretariat(actor)),
  upload: rule('documents.upload', (actor) => isSecretariat(actor)),
} as const;
