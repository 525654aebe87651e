import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgendaItem } from './agenda/agenda.js';
import type { Localized } from '../../kernel/languages.js';

/**
 * Meetings: instants in UTC, with the IANA time zone the meeting is held in. A meeting of a working
 * group keeps the group's id (the groups module owns groups).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', {
      enum: ['annual-meeting', 'review-conference', 'twg-meeting', 'founding-conference', 'organizational-session', 'informal-consultation'],
    }).notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    sessionNumber: integer('session_number'),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }).notNull(),
    timeZone: text('time_zone').notNull(),
    venue: text('venue'),
    format: text('format', { enum: ['in-person', 'hybrid', 'virtual'] }).notNull(),
    status: text('status', { enum: ['draft', 'planned', 'registration-open', 'in-session', 'closed', 'cancelled'] }).notNull(),
    groupId: uuid('group_id'),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true, precision: 3 }),
    /** Accredited organisations may register and submit statements (the body's modalities). */
    stakeholdersMayAttend: boolean('stakeholders_may_attend').notNull().default(true),
    participantsPublishedAt: timestamp('participants_published_at', { withTimezone: true, precision: 3 }),
    statementsPublishedAt: timestamp('statements_published_at', { withTimezone: true, precision: 3 }),
    searchText: text('search_text').notNull(),
    /** When a draft was announced (made public); the time of scheduling for a meeting announced at once. */
    announcedAt: timestamp('announced_at', { withTimezone: true, precision: 3 }),
    /** iCalendar SEQUENCE: goes up with each change of the schedule (times, postponement, cancellation). */
    sequence: integer('sequence').notNull().default(0),
    /** The start the meeting had before its latest postponement, and why it was postponed. */
    postponedFrom: timestamp('postponed_from', { withTimezone: true, precision: 3 }),
    postponeReason: text('postpone_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('meetings_starts_idx').on(t.startsAt), index('meetings_group_idx').on(t.groupId, t.startsAt)],
);

/** Every version of a meeting's agenda, never updated but to mark the adopted one. */
export const agendaVersions = pgTable(
  'agenda_versions',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'adopted'] }).notNull(),
    items: jsonb('items').$type<AgendaItem[]>().notNull(),
    /** The official document that carries this version, when issued. */
    documentId: uuid('document_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    createdBy: uuid('created_by'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version] })],
);

/** A delegation's registration for a meeting: of a State, or of an accredited organisation. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    delegationKind: text('delegation_kind', { enum: ['state', 'organisation'] }).notNull(),
    state: text('state'),
    organisationId: uuid('organisation_id'),
    status: text('status', { enum: ['submitted', 'confirmed', 'withdrawn'] }).notNull(),
    /** Where the Secretariat and reminders reach the delegation. Never public. */
    contactEmail: text('contact_email').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, precision: 3 }),
    confirmedBy: uuid('confirmed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('registrations_state_idx').on(t.meetingId, t.state).where(sql`${t.state} IS NOT NULL`),
    uniqueIndex('registrations_organisation_idx').on(t.meetingId, t.organisationId).where(sql`${t.organisationId} IS NOT NULL`),
  ],
);

/** The people of a registration. Email and phone are for the Secretariat alone. */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    role: text('role', { enum: ['head', 'representative', 'adviser'] }).notNull(),
    name: text('name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    /** The platform account of this person, when it is one: its private calendar lists the meeting. */
    accountId: uuid('account_id'),
  },
  (t) => [index('participants_registration_idx').on(t.registrationId), index('participants_account_idx').on(t.accountId)],
);

/** A statement of a delegation on an agenda item: a text, a file, or both, in one language. */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItem: text('agenda_item').notNull(),
    delegationKind: text('delegation_kind', { enum: ['state', 'organisation'] }).notNull(),
    state: text('state'),
    organisationId: uuid('organisation_id'),
    language: text('language').notNull(),
    title: text('title'),
    text: text('text'),
    fileFormat: text('file_format', { enum: ['pdf', 'docx', 'odt'] }),
    fileKey: text('file_key'),
    fileSha256: text('file_sha256'),
    fileSize: bigint('file_size', { mode: 'number' }),
    fileName: text('file_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    submittedBy: uuid('submitted_by').notNull(),
  },
  (t) => [index('statements_meeting_idx').on(t.meetingId, t.agendaItem)],
);

/** Private calendar feeds: one secret link per account, kept as a digest; revoked by deleting it. */
export const calendarFeeds = pgTable('calendar_feeds', {
  accountId: uuid('account_id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
});
