import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChairRole } from './membership.js';
import type { Localized } from '../../kernel/languages.js';

export interface Chair {
  name: string;
  role: ChairRole;
  /** The State the chair comes from, if any. */
  state: string | null;
}

export interface WorkProgrammeItem {
  title: Localized;
  /** When: a date, a month or a period, as the group wrote it (e.g. `2027-Q2`). */
  period: string | null;
  description: string | null;
}

/** Technical working groups: a mandate from the plenary, chairs, a work programme, modalities. */
export const groups = pgTable('groups', {
  id: uuid('id').primaryKey(),
  name: jsonb('name').$type<Localized>().notNull(),
  mandate: jsonb('mandate').$type<Localized>().notNull(),
  /** Where the mandate comes from, as cited (e.g. `A/AC.300/2027/2, decision 1`). */
  mandateSource: text('mandate_source'),
  /** The adopted outcome that created the group, once outcomes are recorded (decisions module). */
  mandateOutcomeId: uuid('mandate_outcome_id'),
  chairs: jsonb('chairs').$type<Chair[]>().notNull(),
  workProgramme: jsonb('work_programme').$type<WorkProgrammeItem[]>().notNull(),
  /** Modalities: accredited organisations may take part as observers. */
  stakeholderObservers: boolean('stakeholder_observers').notNull(),
  status: text('status', { enum: ['active', 'closed'] }).notNull(),
  searchText: text('search_text').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Who takes part, with history: joining adds a row, leaving closes it. */
export const groupMembers = pgTable(
  'group_members',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    participantKind: text('participant_kind', { enum: ['state', 'organisation'] }).notNull(),
    state: text('state'),
    organisationId: uuid('organisation_id'),
    capacity: text('capacity', { enum: ['member', 'observer'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, precision: 3 }).notNull(),
    joinedBy: uuid('joined_by').notNull(),
    leftAt: timestamp('left_at', { withTimezone: true, precision: 3 }),
    leftBy: uuid('left_by'),
  },
  (t) => [
    index('group_members_group_idx').on(t.groupId),
    uniqueIndex('group_members_state_idx').on(t.groupId, t.state).where(sql`${t.leftAt} IS NULL AND ${t.state} IS NOT NULL`),
    uniqueIndex('group_members_organisation_idx').on(t.groupId, t.organisationId).where(sql`${t.leftAt} IS NULL AND ${t.organisationId} IS NOT NULL`),
  ],
);
