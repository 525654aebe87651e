import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The audit chain: one row per change, each hash covering the previous one. Append-only. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    actingForState: text('acting_for_state'),
    actingForOrganisation: uuid('acting_for_organisation'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    digest: text('digest').notNull(),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.seq),
    // When a kind of change last happened (a dataset's last change): one probe per action, newest first.
    index('audit_events_action_idx').on(t.action, t.seq),
  ],
);

/** The chain's head: locked by every append, so two transactions never fork the chain. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Signed checkpoints of the chain's head (count and hash), taken at least daily and on each adoption.
 * The signature comes from a key kept outside the database; the checkpoints are published, so a chain
 * cut short or re-hashed after a checkpoint no longer matches it. Append-only.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});
