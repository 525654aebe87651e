import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../kernel/languages.js';
import type { Modality } from './matching.js';

/** Who may see a need or an offer: everyone; signed-in States, organisations and the Secretariat; the Secretariat (and the owner). */
export const CAPACITY_VISIBILITIES = ['public', 'participants', 'secretariat'] as const;
export const NEED_STATUSES = ['open', 'in-discussion', 'matched', 'met', 'withdrawn'] as const;
export const OFFER_STATUSES = ['open', 'closed', 'withdrawn'] as const;
export const MATCH_STATUSES = ['invited', 'accepted', 'declined', 'confirmed', 'withdrawn'] as const;
export const OFFEROR_KINDS = ['state', 'organisation', 'secretariat'] as const;

/** Where a need made from a national report came from: the submitted version and the section. */
export interface NeedSource {
  reportId: string;
  submission: number;
  sectionKey: string;
  /** The position of the need among the section's needs. */
  index: number;
}

/** A State's request for help, owned by that State: only its focal point publishes, changes or commits it. */
export const capacityNeeds = pgTable(
  'capacity_needs',
  {
    id: uuid('id').primaryKey(),
    state: text('state').notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull(),
    codes: jsonb('codes').$type<string[]>().notNull(),
    modality: text('modality').$type<Modality>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** How many partners the State wants for it: confirmed matches never exceed it. */
    partners: integer('partners').notNull().default(1),
    visibility: text('visibility', { enum: CAPACITY_VISIBILITIES }).notNull(),
    status: text('status', { enum: NEED_STATUSES }).notNull(),
    source: jsonb('source').$type<NeedSource>(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    /** When the last partner it wanted was confirmed. */
    matchedAt: timestamp('matched_at', { withTimezone: true, precision: 3 }),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('capacity_needs_state_idx').on(t.state),
    index('capacity_needs_visibility_idx').on(t.visibility, t.status),
    // One published need per need of a report's section: turning a report's needs into published needs twice adds nothing.
    uniqueIndex('capacity_needs_source_idx')
      .on(sql`(${t.source}->>'reportId')`, sql`(${t.source}->>'sectionKey')`, sql`((${t.source}->>'index')::int)`)
      .where(sql`${t.source} IS NOT NULL`),
  ],
);

/** What a State, an organisation or the Secretariat (for a programme) offers. */
export const capacityOffers = pgTable(
  'capacity_offers',
  {
    id: uuid('id').primaryKey(),
    offerorKind: text('offeror_kind', { enum: OFFEROR_KINDS }).notNull(),
    /** The offering State (kind state), or null. */
    offerorState: text('offeror_state'),
    /** The offering organisation (kind organisation), or null. */
    organisationId: uuid('organisation_id'),
    /** The programme the Secretariat offers for (kind secretariat), or null. */
    programme: text('programme'),
    title: jsonb('title').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull(),
    codes: jsonb('codes').$type<string[]>().notNull(),
    modalities: jsonb('modalities').$type<Modality[]>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    states: jsonb('states').$type<string[]>().notNull(),
    /** How many engagements (projects) it can take on at once. */
    capacity: integer('capacity').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    conditions: text('conditions'),
    visibility: text('visibility', { enum: CAPACITY_VISIBILITIES }).notNull(),
    status: text('status', { enum: OFFER_STATUSES }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('capacity_offers_visibility_idx').on(t.visibility, t.status)],
);

/** One invitation of an offer on a need, and what became of it. */
export const capacityMatches = pgTable(
  'capacity_matches',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => capacityNeeds.id),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => capacityOffers.id),
    status: text('status', { enum: MATCH_STATUSES }).notNull(),
    /** The score and its reasons when the State invited: what it chose on. */
    score: integer('score').notNull(),
    inviteMessage: text('invite_message'),
    responseMessage: text('response_message'),
    withdrawnBy: text('withdrawn_by', { enum: ['requester', 'offeror'] }),
    withdrawMessage: text('withdraw_message'),
    invitedAt: timestamp('invited_at', { withTimezone: true, precision: 3 }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true, precision: 3 }),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('capacity_matches_need_idx').on(t.needId),
    index('capacity_matches_offer_idx').on(t.offerId),
    // An offer is invited on a need once at a time: a declined or withdrawn invitation may be followed by a new one.
    uniqueIndex('capacity_matches_live_idx').on(t.needId, t.offerId).where(sql`${t.status} IN ('invited', 'accepted', 'confirmed')`),
  ],
);

export interface Milestone {
  title: string;
  due: string;
  status: 'planned' | 'in-progress' | 'done' | 'dropped';
}

/** Which parts of a project the partners publish in the catalogue. */
export interface PublicParts {
  project: boolean;
  objectives: boolean;
  milestones: boolean;
}

/** A confirmed match: the work the requesting State and its partner agreed on. */
export const capacityProjects = pgTable(
  'capacity_projects',
  {
    id: uuid('id').primaryKey(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => capacityMatches.id),
    needId: uuid('need_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    objectives: text('objectives').notNull().default(''),
    milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
    /** The capacity-building principles (`cb-principle-*`) it follows. */
    principles: jsonb('principles').$type<string[]>().notNull().default([]),
    publicParts: jsonb('public_parts').$type<PublicParts>().notNull(),
    status: text('status', { enum: ['running', 'completed'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('capacity_projects_match_idx').on(t.matchId), index('capacity_projects_need_idx').on(t.needId)],
);

/** Each partner's closing evaluation of a project. */
export const capacityEvaluations = pgTable(
  'capacity_evaluations',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => capacityProjects.id),
    side: text('side', { enum: ['requester', 'offeror'] }).notNull(),
    delivered: text('delivered').notNull(),
    changed: text('changed').notNull(),
    lessons: text('lessons').notNull(),
    public: boolean('public').notNull().default(false),
    evaluatedBy: uuid('evaluated_by').notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.side] })],
);
