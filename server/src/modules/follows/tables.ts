import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../kernel/languages.js';
import { accounts } from '../accounts/tables.js';
import { DELIVERIES, FOLLOW_KINDS, type FollowKind, type What } from './kinds.js';

/** Who follows what: one row per person and thing. */
export const follows = pgTable(
  'follows',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FOLLOW_KINDS }).$type<FollowKind>().notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kind, t.targetId] }), index('follows_target_idx').on(t.kind, t.targetId)],
);

/**
 * What a person is told: one notice per person, occasion (a change's audit event, a reminder) and thing followed, whatever
 * runs the job that writes it and however often. The title and the page are kept as they were when
 * it happened; `mailedAt` is set when its mail is queued (at once, or in the day's digest), once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** What the notice is one of, once per person and thing: `event:<seq>` (a change) or `deadline:<time>` (a reminder). */
    occasion: text('occasion').notNull(),
    /** The audit event of the change; none for a reminder. */
    eventSeq: bigint('event_seq', { mode: 'number' }),
    kind: text('kind', { enum: FOLLOW_KINDS }).$type<FollowKind>().notNull(),
    targetId: uuid('target_id').notNull(),
    what: text('what').$type<What>().notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    /** The page under /<lang>/. */
    path: text('path').notNull(),
    /** A revision's label (Rev.2), when the notice is about one. */
    label: text('label'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true, precision: 3 }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
    mailedAt: timestamp('mailed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('notifications_once_idx').on(t.accountId, t.kind, t.targetId, t.occasion),
    index('notifications_account_idx').on(t.accountId, t.at),
  ],
);

/** How a person is told: each notice by email at once, or one daily digest; and the zone deadlines are shown in. */
export const notificationPreferences = pgTable('notification_preferences', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  delivery: text('delivery', { enum: DELIVERIES }).notNull(),
  timeZone: text('time_zone').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
});
