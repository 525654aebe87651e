import { rule } from '../../platform/http/policy.js';

/**
 * Email updates are for anyone, signed in or not: the address's owner proves itself with the links
 * sent to it (confirmation, unsubscribe), never with an account; no route shows or lists addresses.
 */
export const updatesPolicy = {
  subscribe: rule('updates.subscribe', () => true),
  /** The bearer of a confirmation or unsubscribe link: the link's token is the authority. */
  useLink: rule('updates.use-link', () => true),
} as const;
