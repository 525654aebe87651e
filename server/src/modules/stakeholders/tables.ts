import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../kernel/languages.js';

export const ORGANISATION_KINDS = ['ngo', 'academia', 'private_sector', 'technical_community', 'intergovernmental', 'regional'] as const;
export const ACCREDITATIONS = ['applied', 'accredited', 'objected', 'withdrawn'] as const;
export type Accreditation = (typeof ACCREDITATIONS)[number];

/** A name in the six languages, each where given (an applicant need not have an English name). */
export type OrganisationNames = Partial<Record<Language, string>>;

/** A non-governmental stakeholder or an intergovernmental/regional organisation. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  /** The name shown where one name is needed: the English one, else the one in the language of the application. */
  name: text('name').notNull(),
  /** The name in each language given. */
  names: jsonb('names').$type<OrganisationNames>(),
  kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
  /**
   * Accreditation on a non-objection basis: applied, accredited, not accredited after an objection,
   * or withdrawn by a decision of the Secretariat.
   */
  accreditation: text('accreditation', { enum: ACCREDITATIONS }).notNull().default('applied'),
  website: text('website'),
  /** ISO 3166-1 alpha-3 code of the country of its headquarters. */
  headquarters: text('headquarters'),
  /** Consultative status with ECOSOC: general, special or roster, and the year it was granted. */
  ecosocStatus: text('ecosoc_status', { enum: ['general', 'special', 'roster'] }),
  ecosocSince: integer('ecosoc_since'),
  accreditedAt: timestamp('accredited_at', { withTimezone: true, precision: 3 }),
  /** The representative invited first when accredited, who invites the others. */
  leadAccountId: uuid('lead_account_id'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export interface ApplicationContact {
  name: string;
  email: string;
  phone?: string | undefined;
}
export interface ApplicationRepresentative {
  name: string;
  email: string;
}

export const APPLICATION_STATUSES = ['submitted', 'information-requested', 'complete', 'circulated', 'accredited', 'not-accredited'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * An organisation's application for accreditation. Its contact details are private (the applicant and
 * the Secretariat); the applicant follows it through a private link whose token is kept as a digest.
 */
export const applications = pgTable(
  'stakeholder_applications',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The language the applicant wrote in: its emails come in it. */
    language: text('language').$type<Language>().notNull(),
    purpose: text('purpose').notNull(),
    relevantWork: text('relevant_work').notNull(),
    contact: jsonb('contact').$type<ApplicationContact>().notNull(),
    representatives: jsonb('representatives').$type<ApplicationRepresentative[]>().notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    trackingTokenHash: text('tracking_token_hash').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The batch it was circulated in, and its non-objection period. */
    batchId: uuid('batch_id'),
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true, precision: 3 }),
    periodZone: text('period_zone'),
    /** The end as stated: local date and time with its offset, e.g. 2027-03-15T18:00-04:00. */
    periodEndLocal: text('period_end_local'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('stakeholder_applications_token_idx').on(t.trackingTokenHash), index('stakeholder_applications_status_idx').on(t.status)],
);

/** What happened to an application, in order: what the applicant sees when it tracks it. */
export const applicationSteps = pgTable(
  'stakeholder_application_steps',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', {
      enum: ['submitted', 'information-requested', 'information-given', 'complete', 'circulated', 'accredited', 'not-accredited', 'withdrawn'],
    }).notNull(),
    /** The Secretariat's question, the applicant's answer, or the decision's reference. */
    note: text('note'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('stakeholder_application_steps_idx').on(t.applicationId, t.at)],
);

/** A batch of applications circulated to the States together. */
export const batches = pgTable('stakeholder_batches', {
  id: uuid('id').primaryKey(),
  number: integer('number').notNull().unique(),
  circulatedAt: timestamp('circulated_at', { withTimezone: true, precision: 3 }).notNull(),
  circulatedBy: uuid('circulated_by').notNull(),
  zone: text('zone').notNull(),
});

/**
 * A State's objection to an application. Which State objected is kept here and nowhere else readable:
 * it is shown only where `nameShared` is true. The general basis, when given, is shared with the organisation.
 */
export const objections = pgTable(
  'stakeholder_objections',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    state: text('state').notNull(),
    basis: text('basis'),
    nameShared: boolean('name_shared').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('stakeholder_objections_state_idx').on(t.applicationId, t.state)],
);

/** A decision of the Secretariat withdrawing an organisation's accreditation. */
export const withdrawals = pgTable('stakeholder_withdrawals', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  decision: text('decision').notNull(),
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  by: uuid('by').notNull(),
});

/** A written input of an accredited organisation to a meeting, an agenda item of one, or a working group. */
export const writtenInputs = pgTable(
  'stakeholder_written_inputs',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    meetingId: uuid('meeting_id'),
    agendaItem: text('agenda_item'),
    groupId: uuid('group_id'),
    title: text('title').notNull(),
    language: text('language').$type<Language>().notNull(),
    text: text('text'),
    /** A PDF, kept in the database (at most the upload limit). */
    pdf: text('pdf_base64'),
    pdfName: text('pdf_name'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('stakeholder_written_inputs_meeting_idx').on(t.meetingId), index('stakeholder_written_inputs_group_idx').on(t.groupId)],
);

/** A request to speak in the stakeholder segment of a meeting. */
export const speakingRequests = pgTable(
  'stakeholder_speaking_requests',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    agendaItem: text('agenda_item'),
    speaker: text('speaker').notNull(),
    status: text('status', { enum: ['requested', 'withdrawn'] }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, precision: 3 }).notNull(),
    requestedBy: uuid('requested_by').notNull(),
  },
  (t) => [uniqueIndex('stakeholder_speaking_requests_idx').on(t.meetingId, t.organisationId)],
);
