import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized, Names } from '../../kernel/languages.js';

export const officialLanguages = pgTable('official_languages', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
});

export const regionalGroups = pgTable('regional_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  officialName: text('official_name').notNull(),
});

export const states = pgTable(
  'states',
  {
    iso3: text('iso3').primaryKey(),
    m49: text('m49').notNull().unique(),
    status: text('status', { enum: ['member', 'observer'] }).notNull(),
    regionalGroup: text('regional_group').references(() => regionalGroups.id),
    names: jsonb('names').$type<Names>().notNull(),
    /** The names folded for case- and accent-insensitive search, in all six languages. */
    searchText: text('search_text').notNull(),
    /** Languages whose name the Secretariat corrected: the reference data no longer overwrites them. */
    correctedLanguages: text('corrected_languages').array().notNull().default([]),
    /** Increases with every change; the ETag of the State. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('states_regional_group_idx').on(t.regionalGroup)],
);

/** What a State publishes about itself: its national position on how international law applies, its national strategy. */
export const NATIONAL_PUBLICATION_KINDS = ['international-law-position', 'national-strategy'] as const;

/**
 * A document a State publishes itself (its focal point uploads it): public, with a title in up to
 * six languages; its files are versions, every one kept. Withdrawn, it leaves the State's page.
 */
export const nationalPublications = pgTable(
  'national_publications',
  {
    id: uuid('id').primaryKey(),
    state: text('state')
      .notNull()
      .references(() => states.iso3),
    kind: text('kind', { enum: NATIONAL_PUBLICATION_KINDS }).notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    status: text('status', { enum: ['published', 'withdrawn'] }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    publishedBy: uuid('published_by').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [index('national_publications_state_idx').on(t.state)],
);

/** Each file of a national publication: version 1, 2 … in the language the State wrote it in; never changed. */
export const nationalPublicationVersions = pgTable(
  'national_publication_versions',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => nationalPublications.id),
    number: integer('number').notNull(),
    language: text('language').notNull(),
    format: text('format', { enum: ['pdf', 'docx', 'odt'] }).notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    filename: text('filename').notNull(),
    note: text('note'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, precision: 3 }).notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.number] })],
);
