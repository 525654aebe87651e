import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { QuestionnaireSection, SectionAnswer, Visibility } from './questionnaire.js';

/** A questionnaire version: built from the framework on a date, kept by the cycles that opened with it. */
export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey(),
  builtOn: date('built_on', { mode: 'string' }).notNull(),
  sections: jsonb('sections').$type<QuestionnaireSection[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
});

export const reportingCycles = pgTable('reporting_cycles', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  deadlineAt: timestamp('deadline_at', { withTimezone: true, precision: 3 }).notNull(),
  deadlineZone: text('deadline_zone').notNull(),
  deadlineLocal: text('deadline_local').notNull(),
  questionnaireId: uuid('questionnaire_id')
    .notNull()
    .references(() => questionnaires.id),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** A State's report in a cycle: drafted section by section, submitted as frozen versions. */
export const nationalReports = pgTable(
  'national_reports',
  {
    id: uuid('id').primaryKey(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => reportingCycles.id),
    state: text('state').notNull(),
    visibility: text('visibility', { enum: ['public', 'states', 'secretariat'] }).notNull(),
    /** The State's earlier report this one started from. */
    basedOn: uuid('based_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('national_reports_cycle_state_idx').on(t.cycleId, t.state)],
);

/** The draft of one section; its version is its ETag. */
export const reportSections = pgTable(
  'report_sections',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => nationalReports.id),
    key: text('key').notNull(),
    answer: jsonb('answer').$type<SectionAnswer>().notNull(),
    /** Narrows the report's visibility for this section; null keeps the report's. */
    visibility: text('visibility', { enum: ['public', 'states', 'secretariat'] }),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] })],
);

/** Every saved version of every section: who changed what, when. */
export const reportSectionEdits = pgTable(
  'report_section_edits',
  {
    reportId: uuid('report_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    answer: jsonb('answer').$type<SectionAnswer>().notNull(),
    visibility: text('visibility', { enum: ['public', 'states', 'secretariat'] }),
    editedBy: uuid('edited_by').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key, t.version] })],
);

export interface SubmittedSection {
  key: string;
  answer: SectionAnswer;
  visibility: Visibility;
}

/** A submission: the report frozen, with its receipt. A corrected version is a new submission; all stay. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => nationalReports.id),
    cycleId: uuid('cycle_id').notNull(),
    state: text('state').notNull(),
    number: integer('number').notNull(),
    visibility: text('visibility', { enum: ['public', 'states', 'secretariat'] }).notNull(),
    sections: jsonb('sections').$type<SubmittedSection[]>().notNull(),
    contentHash: text('content_hash').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('report_submissions_number_idx').on(t.reportId, t.number), index('report_submissions_cycle_idx').on(t.cycleId, t.state)],
);

/**
 * Each section of each submission, one row apiece, for the search (drizzle/0027): a section is found by
 * its own text through its own indexes, so a word in one section never costs reading a whole report, and
 * each row carries the visibility its rule checks. Written only by a trigger on report_submissions (a
 * submission is never changed), so it is in step with the submissions by construction; the report's
 * reads keep using `report_submissions.sections`. The folded answer and its word vector (`search_text`,
 * `search_words`) are generated columns (drizzle/0030) left out of this schema: only the search reads them.
 */
export const reportSubmittedSections = pgTable(
  'report_submitted_sections',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => reportSubmissions.id),
    reportId: uuid('report_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    state: text('state').notNull(),
    number: integer('number').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    visibility: text('visibility', { enum: ['public', 'states', 'secretariat'] }).notNull(),
    answer: jsonb('answer').$type<SectionAnswer>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.key] }), index('report_submitted_sections_report_idx').on(t.reportId, t.number)],
);
