import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../kernel/languages.js';

/**
 * Official documents: a symbol in the PoA's series, a type, a title, the meeting (and agenda item)
 * or group it belongs to. References to meetings and groups are kept as ids: those modules own them.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    symbol: text('symbol').notNull().unique(),
    type: text('type', {
      enum: ['agenda', 'report', 'working-paper', 'conference-room-paper', 'information-note', 'statement', 'draft', 'outcome'],
    }).notNull(),
    series: text('series', { enum: ['main', 'WP', 'CRP', 'INF', 'L'] }).notNull(),
    /** The number in its series and year; null for a symbol given by hand. */
    number: integer('number'),
    title: jsonb('title').$type<Localized>().notNull(),
    /** The date the document bears. */
    date: date('date', { mode: 'string' }).notNull(),
    meetingId: uuid('meeting_id'),
    /** The key of the agenda item of that meeting. */
    agendaItem: text('agenda_item'),
    groupId: uuid('group_id'),
    /** Symbol and titles in every language, folded, for search. */
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('documents_meeting_idx').on(t.meetingId), index('documents_group_idx').on(t.groupId), index('documents_date_idx').on(t.date)],
);

/** The last number given in each series and year: taken under a row lock, so two documents never share one. */
export const documentCounters = pgTable(
  'document_counters',
  {
    year: integer('year').notNull(),
    series: text('series').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.series] })],
);

/**
 * The files of a document, per language. A new upload of a language is a new version; none is
 * ever replaced, so what was issued can always be shown as it was.
 */
export const documentFiles = pgTable(
  'document_files',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    format: text('format', { enum: ['pdf', 'docx', 'odt'] }).notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    filename: text('filename').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, precision: 3 }).notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.language, t.version] })],
);
