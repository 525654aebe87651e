import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Mail waiting to leave, and mail that left: written by `queueMail` in the transaction of the change
 * it tells about, sent after commit by the mail job, one row per message.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey(),
    /** The messages queued together, delivered by one job (`mail:<batch>`). */
    batch: uuid('batch').notNull(),
    /** Order within the batch: messages leave in the order they were queued. */
    position: integer('position').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    /** Null once sent: a text may carry a single-use link whose token is otherwise kept only hashed. */
    text: text('text'),
    /** Extra header fields; null once sent, like the text (an unsubscribe link carries a token kept otherwise only hashed). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    queuedAt: timestamp('queued_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** While a sender holds the message; another sender takes it only after this time. */
    leasedUntil: timestamp('leased_until', { withTimezone: true, precision: 3 }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('mail_messages_batch_idx').on(t.batch, t.position)],
);
