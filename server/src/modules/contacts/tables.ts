import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { states } from '../states/tables.js';

/**
 * The directory of points of contact (POCs): the PoA's crisis line, and the most sensitive data of
 * the platform. Nothing here is ever public; who may read what is decided in `policy.ts` and enforced
 * in every query of `reading.ts`.
 */

export const POC_ROLES = ['diplomatic', 'technical'] as const;
export type PocRole = (typeof POC_ROLES)[number];

export interface Channel {
  kind: string;
  value: string;
}

/** Working hours in the POC's own time zone: ISO weekdays (1 = Monday … 7 = Sunday) and a span of the day. */
export interface WorkingHours {
  days: number[];
  from: string;
  to: string;
}

export const contactPocs = pgTable(
  'contact_pocs',
  {
    id: uuid('id').primaryKey(),
    state: text('state')
      .notNull()
      .references(() => states.iso3),
    role: text('role', { enum: POC_ROLES }).notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    organisation: text('organisation').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    otherChannels: jsonb('other_channels').$type<Channel[]>().notNull(),
    /** Languages the POC works in (BCP 47 codes, e.g. `en`, `fr`, `pt`); the first UN language among them is the one of its emails. */
    languages: text('languages').array().notNull(),
    /** IANA time zone of the POC, e.g. `Europe/Paris`. */
    timeZone: text('time_zone').notNull(),
    workingHours: jsonb('working_hours').$type<WorkingHours>().notNull(),
    /** The POC's own account (role `poc`) when the focal point invited it. */
    accountId: uuid('account_id'),
    status: text('status', { enum: ['current', 'withdrawn'] }).notNull(),
    /** Increases with every change; the history keeps each version. */
    version: integer('version').notNull(),
    nominatedAt: timestamp('nominated_at', { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('contact_pocs_state_idx').on(t.state, t.status), index('contact_pocs_account_idx').on(t.accountId)],
);

/** Every version of every nomination, as the focal point made it: the directory's history. */
export const contactPocVersions = pgTable(
  'contact_poc_versions',
  {
    pocId: uuid('poc_id')
      .notNull()
      .references(() => contactPocs.id),
    version: integer('version').notNull(),
    change: text('change', { enum: ['nominate', 'update', 'withdraw'] }).notNull(),
    record: jsonb('record').notNull(),
    byAccount: uuid('by_account').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** When the daily digest told the other States' POCs of this change (once); null until then. */
    toldAt: timestamp('told_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.pocId, t.version] }), index('contact_poc_versions_untold_idx').on(t.toldAt, t.at)],
);

/**
 * The official transmission of a nomination's version (a note verbale, as PDF), when the focal point
 * attached one. Kept in the database with the version, never in the shared file storage: it is read
 * only through the directory's rules, and each download is logged as a read of the POC's record.
 */
export const contactTransmissions = pgTable(
  'contact_transmissions',
  {
    pocId: uuid('poc_id').notNull(),
    version: integer('version').notNull(),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    pdfBase64: text('pdf_base64').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pocId, t.version] }), foreignKey({ columns: [t.pocId, t.version], foreignColumns: [contactPocVersions.pocId, contactPocVersions.version] })],
);

/** Every read of a POC's record: the State it belongs to sees who read its entries, and when. */
export const contactReads = pgTable(
  'contact_reads',
  {
    id: uuid('id').primaryKey(),
    pocId: uuid('poc_id').notNull(),
    pocState: text('poc_state').notNull(),
    readerAccountId: uuid('reader_account_id').notNull(),
    readerName: text('reader_name').notNull(),
    /** The reader's State; null for the Secretariat. */
    readerState: text('reader_state'),
    readerRole: text('reader_role').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('contact_reads_state_idx').on(t.pocState, t.at)],
);

/** What a reachability check covers. */
export type CheckScope =
  | { kind: 'all' }
  | { kind: 'group'; group: string }
  | { kind: 'states'; states: string[] }
  | { kind: 'role'; role: PocRole };

/** A reachability check ("ping test") the Secretariat runs. */
export const contactChecks = pgTable('contact_checks', {
  id: uuid('id').primaryKey(),
  scope: jsonb('scope').$type<CheckScope>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  remindAfterHours: integer('remind_after_hours').notNull(),
  escalateAfterHours: integer('escalate_after_hours').notNull(),
  /** Links stop working then; who has not answered by then never answered. */
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** One POC asked in one check: when it was messaged, reminded, escalated about, and when it answered. */
export const contactCheckTargets = pgTable(
  'contact_check_targets',
  {
    id: uuid('id').primaryKey(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => contactChecks.id),
    pocId: uuid('poc_id')
      .notNull()
      .references(() => contactPocs.id),
    state: text('state').notNull(),
    role: text('role', { enum: POC_ROLES }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, precision: 3 }),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('contact_check_targets_poc_idx').on(t.checkId, t.pocId), index('contact_check_targets_state_idx').on(t.state)],
);

/** Acknowledgement links, kept as SHA-256 digests: the first mail's and the reminder's. */
export const contactCheckTokens = pgTable(
  'contact_check_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => contactCheckTargets.id),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('contact_check_tokens_target_idx').on(t.targetId)],
);

export const MESSAGE_KINDS = ['incident-notification', 'request-for-information', 'request-for-assistance', 'acknowledgement', 'reply', 'closure'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const URGENCIES = ['routine', 'priority', 'urgent'] as const;

/** An exchange between two States over the crisis line. */
export const contactThreads = pgTable(
  'contact_threads',
  {
    id: uuid('id').primaryKey(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** The sender chose to let the Secretariat read the exchange. */
    secretariatMayRead: boolean('secretariat_may_read').notNull(),
    exercise: boolean('exercise').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('contact_threads_from_idx').on(t.fromState), index('contact_threads_to_idx').on(t.toState)],
);

export const contactMessages = pgTable(
  'contact_messages',
  {
    id: uuid('id').primaryKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => contactThreads.id),
    position: integer('position').notNull(),
    fromState: text('from_state').notNull(),
    fromAccountId: uuid('from_account_id').notNull(),
    fromName: text('from_name').notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    respondWithinHours: integer('respond_within_hours'),
    text: text('text').notNull(),
    exercise: boolean('exercise').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The other State's side first listed it. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
    /** The other State's side first opened it. */
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('contact_messages_position_idx').on(t.threadId, t.position)],
);
