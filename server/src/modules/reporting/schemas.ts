import { z } from 'zod';
import { ELEMENT_KINDS } from '../framework/index.js';
import { ANSWER_FIELDS, IMPLEMENTATION_STATUSES, VISIBILITIES, type AnswerField } from './questionnaire.js';

/**
 * What the reporting routes answer. The serializer keeps only what is declared here, so a field the
 * web needs must be named, and nothing a viewer may not see is ever added to a shape by accident.
 */

export const VisibilitySchema = z.enum(VISIBILITIES);
export const StatusSchema = z.enum(IMPLEMENTATION_STATUSES);

const ElementTextOut = z.object({ title: z.string(), text: z.string(), status: z.enum(['verbatim', 'summary']) });
const TextsOut = z.object({
  en: ElementTextOut,
  fr: ElementTextOut.optional(),
  es: ElementTextOut.optional(),
  ru: ElementTextOut.optional(),
  zh: ElementTextOut.optional(),
  ar: ElementTextOut.optional(),
});

export const SectionOut = z.object({
  key: z.string(),
  part: z.enum(['international-law', 'norms', 'cbms', 'capacity-building', 'contacts']),
  elements: z.array(z.object({ code: z.string(), kind: z.enum(ELEMENT_KINDS), texts: TextsOut, citation: z.string() })),
  recommendations: z.array(z.object({ code: z.string(), texts: TextsOut, citation: z.string() })),
});

/** An answer as read: every field of ANSWER_FIELDS, no other (the object is checked against the list). */
export const AnswerOut = z.object({
  status: StatusSchema.optional(),
  measures: z.string().optional(),
  challenges: z.string().optional(),
  needs: z.array(z.object({ description: z.string(), codes: z.array(z.string()) })).optional(),
  noChangeSinceLastReport: z.boolean().optional(),
  contacts: z.string().optional(),
} satisfies Record<AnswerField, z.ZodType>);

const MyReport = z.object({ id: z.string(), submissions: z.number().int(), lastSubmittedAt: z.date().nullable() }).nullable();

export const CycleItem = z.object({
  id: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  openedOn: z.string(),
  deadlineAt: z.date(),
  deadlineZone: z.string(),
  deadlineLocal: z.string(),
  /** open until the deadline, closed after it (late reports are still accepted). */
  status: z.enum(['open', 'closed']),
  /** The caller's State's report in the cycle (for those who draft one), or null. */
  myReport: MyReport,
});

export const CycleList = z.object({
  items: z.array(CycleItem),
  /** Whether the caller's State has a submitted report to start a new one from. */
  hasPreviousReport: z.boolean(),
  can: z.object({ openCycle: z.boolean(), startReport: z.boolean() }),
});

export const OpenedCycle = z.object({ id: z.string(), questionnaireId: z.string(), sections: z.number().int(), deadlineAt: z.date(), deadlineLocal: z.string() });

export const CycleDetail = CycleItem.extend({
  questionnaire: z.object({ id: z.string(), builtOn: z.string(), sections: z.array(SectionOut) }),
  can: z.object({ startReport: z.boolean() }),
});

export const StartedReport = z.object({ id: z.string(), carriedSections: z.number().int() });

const Receipt = z.object({ number: z.number().int(), submittedAt: z.date(), contentHash: z.string() });
const SubmittedSectionOut = z.object({ key: z.string(), answer: AnswerOut, visibility: VisibilitySchema });

export const ReportOut = z.object({
  id: z.string(),
  cycleId: z.string(),
  state: z.string(),
  /** The report's visibility, for the State itself and the Secretariat; null for others. */
  visibility: VisibilitySchema.nullable(),
  basedOn: z.string().nullable(),
  draft: z
    .array(
      z.object({
        key: z.string(),
        answer: AnswerOut,
        visibility: VisibilitySchema.nullable(),
        effectiveVisibility: VisibilitySchema,
        version: z.number().int(),
        updatedBy: z.string(),
        updatedByName: z.string(),
        updatedAt: z.date(),
      }),
    )
    .nullable(),
  history: z
    .array(
      z.object({
        key: z.string(),
        version: z.number().int(),
        editedBy: z.string(),
        editedByName: z.string(),
        editedAt: z.date(),
        /** The answer's fields this version changed from the one before it. */
        changed: z.array(z.enum([...ANSWER_FIELDS, 'visibility'])),
      }),
    )
    .nullable(),
  submissions: z.array(Receipt),
  latest: z.object({ number: z.number().int(), sections: z.array(SubmittedSectionOut) }).nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean() }),
});

export const SavedSection = z.object({ version: z.number().int() });
export const SubmittedReceipt = z.object({ id: z.string(), number: z.number().int(), submittedAt: z.date(), contentHash: z.string() });

const Counts = z.object(Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof IMPLEMENTATION_STATUSES)[number], z.ZodNumber>);
const SectionStatus = z.object({ key: z.string(), answered: z.number().int(), counts: Counts, statesReportingChallenges: z.number().int() });

export const AnalysisOut = z.object({
  participation: z.object({
    states: z.number().int(),
    reported: z.number().int(),
    byState: z.array(z.object({ iso3: z.string(), reported: z.boolean() })),
    byGroup: z.array(z.object({ group: z.string(), states: z.number().int(), reported: z.number().int() })),
  }),
  norms: z.array(SectionStatus),
  cbms: z.array(SectionStatus),
  needs: z.object({ needs: z.number().int(), byElement: z.array(z.object({ code: z.string(), states: z.number().int() })) }),
  can: z.object({ exportSummary: z.boolean() }),
});

export const CompareOut = z.object({
  sections: z.array(z.object({ key: z.string(), states: z.array(z.object({ iso3: z.string(), answer: AnswerOut.nullable() })) })),
});

/** One submitted version as a viewer may see it, with its receipt and what superseded it. */
export const SubmissionOut = z.object({
  number: z.number().int(),
  submittedAt: z.date(),
  contentHash: z.string(),
  /** The version that replaced this one, or null for the latest. */
  supersededBy: z.object({ number: z.number().int(), submittedAt: z.date() }).nullable(),
  /** The sections the viewer may see, each with who may read it now. */
  sections: z.array(SubmittedSectionOut),
});

export const ReportSubmission = SubmissionOut.extend({ id: z.string(), cycleId: z.string(), state: z.string() });

export const ReportExport = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), title: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  state: z.string(),
  submissions: z.array(Receipt),
  /** The version exported (the latest unless one was asked for); null before the first submission. */
  submission: SubmissionOut.nullable(),
});
