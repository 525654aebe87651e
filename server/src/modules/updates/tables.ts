import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../kernel/languages.js';
import type { Topic } from './topics.js';

/**
 * Email updates, as the UN's own sign-up form: anyone, by address, double opt-in. The address is kept
 * only to send to it (never shown, counted per person or exported), and found by its digest; the
 * row is deleted when its owner unsubscribes.
 */
export const updateSubscriptions = pgTable(
  'update_subscriptions',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    /** SHA-256 of the normalised address: how a sign-up finds an existing subscription. */
    emailDigest: text('email_digest').notNull(),
    status: text('status', { enum: ['pending', 'confirmed'] }).notNull(),
    /** What the subscriber receives (once confirmed). */
    language: text('language').$type<Language>().notNull(),
    topics: jsonb('topics').$type<Topic[]>().notNull(),
    /** What the last sign-up asked for: applied when its confirmation link is used. */
    requestedLanguage: text('requested_language').$type<Language>().notNull(),
    requestedTopics: jsonb('requested_topics').$type<Topic[]>().notNull(),
    /** The confirmation link's token, hashed; single-use (cleared when used), expiring. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true, precision: 3 }),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true, precision: 3 }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, precision: 3 }),
    /** What is new is counted from here: the confirmation, then each digest's cut-off. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('update_subscriptions_digest_idx').on(t.emailDigest), uniqueIndex('update_subscriptions_confirm_idx').on(t.confirmTokenHash), index('update_subscriptions_status_idx').on(t.status)],
);

/** One-click unsubscribe tokens, hashed: one per message sent, each working until its subscription ends. */
export const updateUnsubscribeTokens = pgTable(
  'update_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => updateSubscriptions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('update_unsubscribe_tokens_subscription_idx').on(t.subscriptionId)],
);
