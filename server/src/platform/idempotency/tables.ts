import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Creating requests a client may retry (`Idempotency-Key`): the first request's answer, kept a day,
 * so that a retry after a lost connection gets the same answer instead of a second meeting, draft
 * or amendment. A row without a status is a request still being answered.
 */
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    accountId: uuid('account_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the method, path and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    /** Headers a client needs again on a replay (location, etag). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index('idempotent_requests_age_idx').on(t.createdAt)],
);
