import { publicRead } from '../../platform/http/policy.js';

/**
 * Anyone may search; what each viewer finds is decided by each source's own visibility rule (sources.ts),
 * inside the query.
 */
export const searchPolicy = {
  read: publicRead,
} as const;
