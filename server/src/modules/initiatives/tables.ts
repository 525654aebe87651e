import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../kernel/languages.js';

export const INITIATIVE_KINDS = ['regional-cbms', 'capacity-building', 'directory', 'other'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const INITIATIVE_STATUSES = ['proposed', 'published', 'declined'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export interface InitiativeLink {
  label: string;
  url: string;
}

/**
 * Other initiatives the PoA coordinates with (regional organisations' CBMs, capacity-building
 * programmes, directories): proposed by a State, an organisation or the Secretariat; public only once
 * the Secretariat has published them.
 */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey(),
    name: jsonb('name').$type<Localized>().notNull(),
    /** The organisation that runs it, as it names itself (e.g. `Organization for Security and Co-operation in Europe`). */
    owner: jsonb('owner').$type<Localized>().notNull(),
    kind: text('kind', { enum: INITIATIVE_KINDS }).notNull(),
    summary: jsonb('summary').$type<Localized>(),
    /** ISO 3166-1 alpha-3 codes of the States taking part, sorted. */
    states: jsonb('states').$type<string[]>().notNull(),
    contact: text('contact'),
    links: jsonb('links').$type<InitiativeLink[]>().notNull(),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    declineReason: text('decline_reason'),
    /** Who proposed it: the account, and the State or organisation it acted for (null for the Secretariat). */
    proposedBy: uuid('proposed_by').notNull(),
    proposerState: text('proposer_state'),
    proposerOrganisation: uuid('proposer_organisation'),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('initiatives_status_idx').on(t.status)],
);

/** The framework elements an initiative serves: "who else works on this", by element code. */
export const initiativeElements = pgTable(
  'initiative_elements',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.code] }), index('initiative_elements_code_idx').on(t.code)],
);
