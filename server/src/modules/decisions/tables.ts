import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Paragraph } from './revisions.js';

/** What adopting a framework-change draft does to the framework. */
export type FrameworkEffect =
  | { action: 'add'; code: string; kind: 'international-law' | 'norm' | 'cbm' | 'cbm-tool' | 'capacity-building-principle' | 'threat'; title: string; paragraphKey: string }
  | { action: 'supersede'; code: string; replacedBy: string | null };

/** A text under negotiation, belonging to the plenary or a working group. */
export const drafts = pgTable('drafts', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  /** `plenary`, or the working group (its id) the draft belongs to. */
  body: text('body').notNull(),
  kind: text('kind', { enum: ['decision', 'recommendation', 'framework-change'] }).notNull(),
  /** For a recommendation: the framework elements it implements. */
  implementsCodes: text('implements_codes').array().notNull().default([]),
  frameworkEffects: jsonb('framework_effects').$type<FrameworkEffect[]>().notNull().default([]),
  /** The outcome this draft would supersede once adopted. */
  supersedesOutcome: uuid('supersedes_outcome'),
  status: text('status', { enum: ['negotiating', 'adopted', 'withdrawn'] }).notNull().default('negotiating'),
  /** When a working group's chair transmitted it to the plenary. */
  transmittedAt: timestamp('transmitted_at', { withTimezone: true, precision: 3 }),
  /** The working group (its id) that prepared it and transmitted it to the plenary. */
  transmittedFrom: text('transmitted_from'),
  /** The revision the group transmitted. */
  transmittedRevisionId: uuid('transmitted_revision_id'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** Revisions are never changed: the zero draft, Rev.1, Rev.2 … */
export const draftRevisions = pgTable(
  'draft_revisions',
  {
    id: uuid('id').primaryKey(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    paragraphs: jsonb('paragraphs').$type<Paragraph[]>().notNull(),
    contentHash: text('content_hash').notNull(),
    /** The amendment proposals this revision took up. */
    takesUp: uuid('takes_up').array().notNull().default([]),
    note: text('note'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('draft_revisions_number_idx').on(t.draftId, t.number)],
);

/** A State's proposal to add, delete or replace a paragraph (or words in it), against a revision. */
export const amendments = pgTable(
  'amendments',
  {
    id: uuid('id').primaryKey(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => draftRevisions.id),
    proposerState: text('proposer_state').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    action: text('action', { enum: ['add', 'delete', 'replace'] }).notNull(),
    /** The paragraph replaced or deleted, or the one after which a new paragraph is added (null: at the start). */
    paragraphKey: text('paragraph_key'),
    /** For add: the new paragraph's kind. */
    paragraphKind: text('paragraph_kind', { enum: ['preambular', 'operative'] }),
    text: text('text'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['proposed', 'withdrawn'] }).notNull().default('proposed'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('amendments_draft_idx').on(t.draftId, t.revisionId)],
);

export const amendmentSponsors = pgTable(
  'amendment_sponsors',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => amendments.id),
    state: text('state').notNull(),
    joinedBy: uuid('joined_by').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.state] })],
);

/** The chair proposes adoption of a revision in a meeting in session; States present may object. */
export const consensusProposals = pgTable(
  'consensus_proposals',
  {
    id: uuid('id').primaryKey(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => draftRevisions.id),
    meetingId: uuid('meeting_id').notNull(),
    status: text('status', { enum: ['open', 'adopted', 'not-adopted', 'withdrawn'] }).notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true, precision: 3 }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('consensus_proposals_draft_idx').on(t.draftId)],
);

export const objections = pgTable(
  'objections',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => consensusProposals.id),
    state: text('state').notNull(),
    objectedBy: uuid('objected_by').notNull(),
    reason: text('reason').notNull(),
    objectedAt: timestamp('objected_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.state] })],
);

/** The chair circulates a revision under a silence procedure until a deadline in a stated time zone. */
export const silenceProcedures = pgTable(
  'silence_procedures',
  {
    id: uuid('id').primaryKey(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => draftRevisions.id),
    deadlineAt: timestamp('deadline_at', { withTimezone: true, precision: 3 }).notNull(),
    deadlineZone: text('deadline_zone').notNull(),
    /** The deadline as the chair stated it, in local time, with its offset: 2027-03-15T12:00-04:00. */
    deadlineLocal: text('deadline_local').notNull(),
    status: text('status', { enum: ['open', 'adopted', 'broken', 'withdrawn'] }).notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('silence_procedures_draft_idx').on(t.draftId)],
);

export const silenceBreaks = pgTable(
  'silence_breaks',
  {
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => silenceProcedures.id),
    state: text('state').notNull(),
    brokenBy: uuid('broken_by').notNull(),
    reason: text('reason').notNull(),
    brokenAt: timestamp('broken_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.state] })],
);

/**
 * Adopted outcomes: frozen. The database refuses any UPDATE or DELETE (see the migration's trigger);
 * a later outcome supersedes or amends one, never edits it.
 */
export const outcomes = pgTable(
  'outcomes',
  {
    id: uuid('id').primaryKey(),
    symbol: text('symbol').notNull(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => draftRevisions.id),
    kind: text('kind', { enum: ['decision', 'recommendation', 'framework-change'] }).notNull(),
    title: text('title').notNull(),
    paragraphs: jsonb('paragraphs').$type<Paragraph[]>().notNull(),
    contentHash: text('content_hash').notNull(),
    implementsCodes: text('implements_codes').array().notNull(),
    frameworkEffects: jsonb('framework_effects').$type<FrameworkEffect[]>().notNull(),
    supersedes: uuid('supersedes'),
    adoptedVia: text('adopted_via', { enum: ['meeting', 'silence'] }).notNull(),
    /** The consensus proposal or silence procedure that adopted it. */
    adoptedBy: uuid('adopted_by').notNull(),
    meetingId: uuid('meeting_id'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true, precision: 3 }).notNull(),
    /** For a text a working group prepared: the group, when it transmitted the text, and which revision. */
    preparedBy: text('prepared_by'),
    transmittedAt: timestamp('transmitted_at', { withTimezone: true, precision: 3 }),
    transmittedRevisionId: uuid('transmitted_revision_id').references(() => draftRevisions.id),
  },
  (t) => [uniqueIndex('outcomes_symbol_idx').on(t.symbol), uniqueIndex('outcomes_draft_idx').on(t.draftId)],
);

/** After adoption, States may explain their position; recorded with the outcome. */
export const explanationsOfPosition = pgTable(
  'explanations_of_position',
  {
    id: uuid('id').primaryKey(),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    state: text('state').notNull(),
    givenBy: uuid('given_by').notNull(),
    text: text('text').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('explanations_outcome_idx').on(t.outcomeId)],
);

/** The last number given in each series of outcome symbols (e.g. `2027/DEC`), taken under a row lock. */
export const outcomeSeries = pgTable('outcome_series', {
  series: text('series').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * When an account last opened a draft: what changed since (a revision, an amendment) is what its
 * "My PoA" lists. One row per account and draft, overwritten on each opening; a private reading
 * marker, not a record of the negotiation, so it is neither audited nor shown to anyone else.
 */
export const draftViews = pgTable(
  'draft_views',
  {
    accountId: uuid('account_id').notNull(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id),
    seenAt: timestamp('seen_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.draftId] })],
);
