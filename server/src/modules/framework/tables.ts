import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ElementTexts } from './elements.js';

/** Documents of record that framework texts come from: reports, resolutions, later the PoA's own outcomes. */
export const sourceDocuments = pgTable('source_documents', {
  symbol: text('symbol').primaryKey(),
  title: text('title').notNull(),
  /** GGE, OEWG 2021-2025, General Assembly, PoA plenary … */
  body: text('body').notNull(),
  /** Adoption date when there is one, else the issue date. */
  date: date('date', { mode: 'string' }).notNull(),
  dateKind: text('date_kind', { enum: ['adopted', 'issued'] }).notNull(),
  endorsedBy: text('endorsed_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A framework element: its identity and kind never change; everything else lives in its versions. */
export const frameworkElements = pgTable(
  'framework_elements',
  {
    code: text('code').primaryKey(),
    kind: text('kind', {
      enum: ['international-law', 'norm', 'cbm', 'cbm-tool', 'capacity-building-principle', 'threat', 'recommendation'],
    }).notNull(),
    /** A heading within the kind (e.g. capacity-building principles: "Partnerships"). */
    grouping: text('grouping'),
    /** Order within the kind, as in the sources. */
    position: integer('position').notNull(),
  },
  (t) => [index('framework_elements_kind_idx').on(t.kind, t.position)],
);

/**
 * Every version of every element, never updated: a change is a new row. `effectiveOn` is when the
 * text took effect in the framework (its source's date); `recordedAt` is when the platform learnt it.
 * The element as it stood on a date is its version with the latest (effectiveOn, version) up to that date.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    code: text('code')
      .notNull()
      .references(() => frameworkElements.code),
    version: integer('version').notNull(),
    change: text('change', { enum: ['added', 'amended', 'text-recorded', 'translation-recorded', 'superseded', 'retired'] }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull(),
    recordedBy: uuid('recorded_by'),
    /** Title, text and text status per language. */
    texts: jsonb('texts').$type<ElementTexts>().notNull(),
    sourceSymbol: text('source_symbol')
      .notNull()
      .references(() => sourceDocuments.symbol),
    sourceParagraph: text('source_paragraph'),
    paragraphConfirmed: boolean('paragraph_confirmed').notNull(),
    /** Other documents that repeat the text. */
    alsoIn: text('also_in').array().notNull().default([]),
    /** The text is a fragment of its paragraph, not the whole of it. */
    fragment: boolean('fragment').notNull().default(false),
    /** For a superseding version: the element that replaces this one. */
    supersededBy: text('superseded_by'),
    note: text('note'),
    /**
     * Titles and texts in every language, folded (no case, no accents), for search. Beside it the table
     * has `search_words`, its word vector, a generated column (drizzle/0030) left out of this schema so that
     * no read carries it: only the search's SQL reads it.
     */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    index('framework_versions_timeline_idx').on(t.code, t.effectiveOn, t.version),
    index('framework_versions_effective_idx').on(t.effectiveOn),
  ],
);

/**
 * When each version stood: from its `effectiveOn` until the next version of its element (by effective
 * date, then number) took effect (`endedOn`, null while nothing follows it). The version standing on a
 * date D is the one with effectiveOn <= D < endedOn: one row, found by its key, where "no later version
 * up to D" was an anti-join over every version. Written only by a trigger on framework_versions
 * (drizzle/0032), in the transaction that records the version, so it is in step by construction.
 */
export const frameworkTimeline = pgTable(
  'framework_timeline',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    foreignKey({ columns: [t.code, t.version], foreignColumns: [frameworkVersions.code, frameworkVersions.version] }),
  ],
);

/**
 * The versions the global search looks in: those in force today or to come (not superseded, not
 * retired, not known to have ended), with their span, languages and searchable text, so that a common
 * word ranks one version per element (about 5,000 on the bench's data) and not every version ever
 * recorded (25,000). Beside `searchText` the table keeps `search_words`, the version's word vector
 * copied from framework_versions (drizzle/0034), left out of this schema as there: only the search's
 * SQL reads it.
 *
 * Written only by the trigger that keeps the timeline (drizzle/0034), in the transaction that records
 * a version: each time an element gains a version, its rows here are taken again from its timeline.
 * A version that ends later, as dates pass, stays until its element's next version is recorded: the
 * table is a superset of what stands today, and the search still asks each row's span for the day.
 */
export const frameworkSearchCurrent = pgTable(
  'framework_search_current',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    languages: text('languages').array().notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    foreignKey({ columns: [t.code, t.version], foreignColumns: [frameworkVersions.code, frameworkVersions.version] }),
  ],
);

/** Links between elements: a CBM that implements a norm, guidance on a norm, a threat a norm answers. */
export const frameworkRelations = pgTable(
  'framework_relations',
  {
    fromCode: text('from_code')
      .notNull()
      .references(() => frameworkElements.code),
    toCode: text('to_code')
      .notNull()
      .references(() => frameworkElements.code),
    kind: text('kind', { enum: ['implements', 'guidance-on', 'answers', 'related'] }).notNull(),
    /** Where the link is stated, or null for an editorial link recorded by the Secretariat. */
    sourceSymbol: text('source_symbol').references(() => sourceDocuments.symbol),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.fromCode, t.toCode, t.kind] }), index('framework_relations_to_idx').on(t.toCode)],
);
