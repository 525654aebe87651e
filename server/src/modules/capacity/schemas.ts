import { z } from 'zod';
import { LanguageSchema, localizedSchema, LocalizedOut } from '../../kernel/languages.js';
import { CalendarDate } from '../../kernel/calendar-date.js';
import { MODALITIES, PILLARS } from './matching.js';
import { CAPACITY_VISIBILITIES, MATCH_STATUSES, NEED_STATUSES, OFFER_STATUSES, OFFEROR_KINDS } from './tables.js';

/** Requests and responses of capacity-building. Unknown keys are refused (platform/http/validation.ts). */

export const Id = z.string().uuid();
export const Code = z.string().regex(/^[a-z0-9-]{1,80}$/);
const Codes = z.array(Code).max(30);
export const ModalitySchema = z.enum(MODALITIES);
export const VisibilitySchema = z.enum(CAPACITY_VISIBILITIES);
const Languages = z.array(LanguageSchema).max(6);
const Iso3 = z.string().regex(/^[A-Z]{3}$/);
const Message = z.string().trim().max(5000);

export const NeedBody = z
  .object({
    title: localizedSchema(300),
    description: localizedSchema(10_000),
    codes: Codes.min(1),
    modality: ModalitySchema,
    languages: Languages.min(1),
    periodStart: CalendarDate.nullable().default(null),
    periodEnd: CalendarDate.nullable().default(null),
    partners: z.number().int().min(1).max(20).default(1),
    visibility: VisibilitySchema,
  })
  .strict();

export const NeedPatch = z
  .object({ visibility: VisibilitySchema.optional(), status: z.enum(['open', 'met', 'withdrawn']).optional() })
  .strict()
  .refine((b) => b.visibility !== undefined || b.status !== undefined, { message: 'Name at least one of visibility, status.' });

export const FromReportBody = z
  .object({
    /** The modality the new needs ask for (the report does not say). */
    modality: ModalitySchema,
    languages: Languages.min(1),
    /** Never wider than the report's section: a need from a States-only section stays at least States-only. */
    visibility: VisibilitySchema,
  })
  .strict();

export const OfferBody = z
  .object({
    title: localizedSchema(300),
    description: localizedSchema(10_000),
    codes: Codes.min(1),
    modalities: z.array(ModalitySchema).min(1).max(MODALITIES.length),
    languages: Languages.min(1),
    regions: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
    states: z.array(Iso3).max(200).default([]),
    capacity: z.number().int().min(1).max(1000).default(1),
    periodStart: CalendarDate.nullable().default(null),
    periodEnd: CalendarDate.nullable().default(null),
    conditions: z.string().trim().max(5000).nullable().default(null),
    /** For the Secretariat: the programme it offers for. */
    programme: z.string().trim().min(1).max(300).optional(),
    visibility: VisibilitySchema,
  })
  .strict();

export const OfferPatch = z.object({ status: z.enum(['open', 'closed', 'withdrawn']).optional(), visibility: VisibilitySchema.optional() }).strict();

export const InviteBody = z.object({ offerId: Id, message: Message.default('') }).strict();
export const MessageBody = z.object({ message: Message.default('') }).strict();

const MilestoneSchema = z.object({ title: z.string().trim().min(1).max(300), due: CalendarDate, status: z.enum(['planned', 'in-progress', 'done', 'dropped']) }).strict();
export const ProjectPatch = z
  .object({
    objectives: z.string().trim().max(10_000).optional(),
    milestones: z.array(MilestoneSchema).max(50).optional(),
    principles: z.array(z.string().regex(/^cb-principle-[a-z0-9-]{1,60}$/)).max(30).optional(),
    publicParts: z.object({ project: z.boolean(), objectives: z.boolean(), milestones: z.boolean() }).strict().optional(),
    status: z.enum(['running', 'completed']).optional(),
  })
  .strict();
export const EvaluationBody = z
  .object({ delivered: z.string().trim().min(1).max(10_000), changed: z.string().trim().min(1).max(10_000), lessons: z.string().trim().min(1).max(10_000), public: z.boolean().default(false) })
  .strict();

export const NeedsQuery = z.object({
  state: Iso3.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  code: Code.optional(),
  modality: ModalitySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const OffersQuery = z.object({
  status: z.enum(OFFER_STATUSES).optional(),
  code: Code.optional(),
  modality: ModalitySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const RankQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

// ---- responses ---------------------------------------------------------------------------------

const ReasonOut = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) });
const OwnerOut = z.object({ kind: z.enum(OFFEROR_KINDS), state: z.string().nullable(), organisationId: z.string().nullable(), organisationName: z.string().nullable(), programme: z.string().nullable() });
const SourceOut = z.object({ reportId: z.string(), submission: z.number().int(), sectionKey: z.string(), index: z.number().int() }).nullable();

export const NeedOut = z.object({
  id: z.string(),
  state: z.string(),
  title: LocalizedOut,
  description: LocalizedOut,
  codes: z.array(z.string()),
  modality: ModalitySchema,
  languages: z.array(z.string()),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  partners: z.number().int(),
  visibility: VisibilitySchema,
  status: z.enum(NEED_STATUSES),
  source: SourceOut,
  publishedAt: z.date(),
  matchedAt: z.date().nullable(),
});
export const OfferOut = z.object({
  id: z.string(),
  offeror: OwnerOut,
  title: LocalizedOut,
  description: LocalizedOut,
  codes: z.array(z.string()),
  modalities: z.array(ModalitySchema),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  states: z.array(z.string()),
  capacity: z.number().int(),
  engaged: z.number().int(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  conditions: z.string().nullable(),
  visibility: VisibilitySchema,
  status: z.enum(OFFER_STATUSES),
  publishedAt: z.date(),
});

const MatchCan = z.object({ accept: z.boolean(), decline: z.boolean(), confirm: z.boolean(), withdraw: z.boolean() });
export const MatchOut = z.object({
  id: z.string(),
  needId: z.string(),
  offerId: z.string(),
  needState: z.string(),
  offeror: OwnerOut,
  status: z.enum(MATCH_STATUSES),
  score: z.number().int(),
  inviteMessage: z.string().nullable(),
  responseMessage: z.string().nullable(),
  withdrawnBy: z.enum(['requester', 'offeror']).nullable(),
  withdrawMessage: z.string().nullable(),
  invitedAt: z.date(),
  respondedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  projectId: z.string().nullable(),
  can: MatchCan,
});

export const NeedList = z.object({ items: z.array(NeedOut), total: z.number().int(), can: z.object({ publishNeed: z.boolean(), publishOffer: z.boolean() }) });
export const OfferList = z.object({ items: z.array(OfferOut), total: z.number().int(), can: z.object({ publishNeed: z.boolean(), publishOffer: z.boolean() }) });
export const NeedDetail = NeedOut.extend({ matches: z.array(MatchOut), can: z.object({ edit: z.boolean(), invite: z.boolean(), moveTo: z.array(z.enum(['open', 'met', 'withdrawn'])) }) });
export const OfferDetail = OfferOut.extend({ matches: z.array(MatchOut), can: z.object({ edit: z.boolean(), moveTo: z.array(z.enum(['open', 'closed', 'withdrawn'])) }) });
export const RankedOffers = z.object({
  items: z.array(
    z.object({
      offer: OfferOut,
      score: z.number().int(),
      reasons: z.array(ReasonOut),
      /** Already invited, accepted or confirmed on the need: told only to the need's own State. */
      invited: z.boolean(),
      can: z.object({ invite: z.boolean() }),
    }),
  ),
});
export const RankedNeeds = z.object({ items: z.array(z.object({ need: NeedOut, score: z.number().int(), reasons: z.array(ReasonOut) })) });
export const Created = z.object({ id: z.string() });
export const FromReportOut = z.object({ reportId: z.string(), submission: z.number().int(), created: z.array(z.string()), alreadyPublished: z.number().int() });
export const MatchList = z.object({ items: z.array(MatchOut) });

const EvaluationOut = z.object({ side: z.enum(['requester', 'offeror']), delivered: z.string(), changed: z.string(), lessons: z.string(), public: z.boolean(), evaluatedAt: z.date() });
export const ProjectOut = z.object({
  id: z.string(),
  needId: z.string(),
  offerId: z.string(),
  requester: z.string(),
  offeror: OwnerOut,
  title: LocalizedOut,
  /** Null where the viewer may not read it (not published, and not a partner). */
  objectives: z.string().nullable(),
  milestones: z.array(z.object({ title: z.string(), due: z.string(), status: z.string() })).nullable(),
  principles: z.array(z.string()),
  publicParts: z.object({ project: z.boolean(), objectives: z.boolean(), milestones: z.boolean() }),
  status: z.enum(['running', 'completed']),
  startedAt: z.date(),
  completedAt: z.date().nullable(),
  evaluations: z.array(EvaluationOut),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), evaluate: z.boolean() }),
});
export const ProjectList = z.object({ items: z.array(ProjectOut) });

const Count = z.object({ key: z.string(), needs: z.number().int() });
export const AnalysisOut = z.object({
  needs: z.number().int(),
  byPillar: z.array(z.object({ pillar: z.enum(PILLARS), needs: z.number().int() })),
  byElement: z.array(z.object({ code: z.string(), needs: z.number().int() })),
  byRegionalGroup: z.array(Count),
  byModality: z.array(Count),
  byState: z.array(z.object({ iso3: z.string(), needs: z.number().int() })),
  coverage: z.object({ threshold: z.number().int(), withOffer: z.number().int(), matched: z.number().int(), met: z.number().int() }),
  unmet: z.array(z.object({ id: z.string(), state: z.string(), title: LocalizedOut, publishedAt: z.date() })),
  medianDaysToMatch: z.number().nullable(),
});
export const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json'), what: z.enum(['needs', 'offers', 'projects']).default('needs') });
