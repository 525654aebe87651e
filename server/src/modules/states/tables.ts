import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Names } from '../../kernel/languages.js';

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
