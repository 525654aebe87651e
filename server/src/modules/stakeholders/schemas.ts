import { z } from 'zod';
import { LanguageSchema } from '../../kernel/languages.js';
import { ORGANISATION_KINDS, ACCREDITATIONS, APPLICATION_STATUSES } from './tables.js';

/**
 * What the stakeholders routes take and answer: the contract the web app's client is generated from.
 * Request bodies are strict (an unknown key is refused); responses name every field they carry.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Email = z.string().trim().toLowerCase().email().max(320);
const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');

/** A name in each language given; at least one. */
export const NamesIn = z
  .object({ ar: Text(300).optional(), zh: Text(300).optional(), en: Text(300).optional(), fr: Text(300).optional(), ru: Text(300).optional(), es: Text(300).optional() })
  .strict()
  .refine((n) => Object.values(n).some((v) => v), 'give the name in at least one language');
export const NamesOut = z.object({ ar: z.string().optional(), zh: z.string().optional(), en: z.string().optional(), fr: z.string().optional(), ru: z.string().optional(), es: z.string().optional() });

export const ApplicationBody = z
  .object({
    names: NamesIn,
    kind: z.enum(ORGANISATION_KINDS),
    headquarters: Iso3.describe('The country of its headquarters'),
    website: z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), 'an http or https address'),
    purpose: Text(5000),
    relevantWork: Text(10_000),
    ecosoc: z
      .object({ status: z.enum(['general', 'special', 'roster']), since: z.number().int().min(1946).max(2100) })
      .strict()
      .nullable()
      .describe('Consultative status with ECOSOC, if any, and the year it was granted'),
    contact: z.object({ name: Text(200), email: Email, phone: z.string().trim().max(40).optional() }).strict(),
    representatives: z.array(z.object({ name: Text(200), email: Email }).strict()).min(1).max(10).describe('The first is invited first when the organisation is accredited'),
    language: LanguageSchema.describe('The language of the application: its emails come in it'),
  })
  .strict();

export const Applied = z.object({ id: z.string(), organisationId: z.string(), trackingLink: z.string().describe('Private: shown once, and emailed to the contact') });

const Step = z.object({ kind: z.string(), note: z.string().nullable(), at: z.date() });
export const ObjectionRecordOut = z.object({
  count: z.number().int(),
  namedStates: z.array(z.string()).describe('Only the States that agreed to be named'),
  bases: z.array(z.string()).describe('The general bases shared with the organisation, tied to no State'),
});
const Period = z.object({ endsAt: z.date(), zone: z.string(), endLocal: z.string() }).nullable();

const OrganisationSummary = z.object({
  id: z.string(),
  name: z.string(),
  names: NamesOut,
  kind: z.enum(ORGANISATION_KINDS),
  headquarters: z.string().nullable(),
  website: z.string().nullable(),
  ecosoc: z.object({ status: z.string(), since: z.number().int().nullable() }).nullable(),
});

/** What the applicant sees with its private link. */
export const Tracking = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  organisation: OrganisationSummary,
  language: LanguageSchema,
  period: Period,
  steps: z.array(Step),
  objections: ObjectionRecordOut.nullable().describe('Once decided'),
});

export const ApplicationCan = z.object({ object: z.boolean(), requestInformation: z.boolean(), markComplete: z.boolean(), circulate: z.boolean() });

/** An application as the Secretariat or a focal point reads it (the contact only for the Secretariat). */
export const ApplicationOut = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  organisation: OrganisationSummary,
  language: LanguageSchema,
  purpose: z.string(),
  relevantWork: z.string(),
  submittedAt: z.date(),
  batchId: z.string().nullable(),
  period: Period,
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }).nullable(),
  representatives: z.array(z.object({ name: z.string(), email: z.string() })).nullable(),
  steps: z.array(Step).nullable(),
  objections: ObjectionRecordOut,
  ownObjection: z.object({ basis: z.string().nullable(), nameShared: z.boolean() }).nullable().describe("The caller's own State's objection"),
  can: ApplicationCan,
});
export const ApplicationList = z.object({ items: z.array(ApplicationOut), can: z.object({ circulate: z.boolean() }) });

export const BatchBody = z
  .object({
    applicationIds: z.array(z.string().uuid()).min(1).max(100),
    zone: z.string().min(1).max(60).describe('IANA time zone the periods end in, e.g. America/New_York'),
    endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm').default('18:00').describe('The local time each period ends at'),
    periodEndLocal: z.string().max(19).optional().describe('YYYY-MM-DDTHH:mm: one end for every application, instead of the working days of the settings'),
  })
  .strict();
export const BatchOut = z.object({ id: z.string(), number: z.number().int(), circulatedAt: z.date(), zone: z.string(), applications: z.array(ApplicationOut) });
export const BatchList = z.object({ items: z.array(BatchOut.omit({ applications: true }).extend({ count: z.number().int() })) });

export const ObjectionBody = z
  .object({
    basis: z.string().trim().min(3).max(5000).optional().describe('A general basis, shared with the organisation'),
    nameShared: z.boolean().default(false).describe('The State agrees to be named to the organisation and in the record'),
  })
  .strict();

export const OrganisationOut = OrganisationSummary.extend({
  accreditation: z.enum(ACCREDITATIONS),
  accreditedAt: z.date().nullable(),
  objections: ObjectionRecordOut.nullable(),
  withdrawals: z.array(z.object({ decision: z.string(), reason: z.string(), at: z.date() })),
  can: z.object({ withdraw: z.boolean(), submitInput: z.boolean(), requestToSpeak: z.boolean(), inviteRepresentative: z.boolean() }),
});
export const OrganisationList = z.object({ items: z.array(OrganisationSummary.extend({ accreditation: z.enum(ACCREDITATIONS), accreditedAt: z.date().nullable() })) });

export const WithdrawalBody = z.object({ decision: Text(200).describe('The reference of the decision'), reason: Text(5000) }).strict();

export const RepresentativeBody = z.object({ name: Text(200), email: Email, language: LanguageSchema.optional() }).strict();

export const WrittenInputBody = z
  .object({
    meetingId: z.string().uuid().optional(),
    agendaItem: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an agenda item key').optional(),
    groupId: z.string().uuid().optional(),
    title: Text(500),
    language: LanguageSchema,
    text: Text(50_000).optional(),
    pdf: z.object({ name: z.string().trim().min(1).max(200), base64: z.string().max(1_000_000).regex(/^[A-Za-z0-9+/]+=*$/, 'base64') }).strict().optional(),
  })
  .strict();
export const WrittenInputOut = z.object({
  id: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  meetingId: z.string().nullable(),
  agendaItem: z.string().nullable(),
  groupId: z.string().nullable(),
  title: z.string(),
  language: LanguageSchema,
  text: z.string().nullable(),
  pdf: z.object({ name: z.string(), url: z.string() }).nullable(),
  submittedAt: z.date(),
});
export const WrittenInputList = z.object({ items: z.array(WrittenInputOut) });

export const SpeakingRequestBody = z.object({ speaker: Text(200), agendaItem: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional() }).strict();
export const SpeakingRequestOut = z.object({ id: z.string(), organisation: z.object({ id: z.string(), name: z.string() }), speaker: z.string(), agendaItem: z.string().nullable(), requestedAt: z.date() });
export const SpeakingList = z.object({ items: z.array(SpeakingRequestOut) });
