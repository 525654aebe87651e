import { z } from 'zod';
import { ELEMENT_KINDS } from '../framework/index.js';
import { CheckpointSchema } from '../../platform/audit/checkpoint.js';

/**
 * What the decisions routes answer: the contract the web app's client is generated from. The
 * serializer drops what is not here, so every field a handler returns must be named.
 */

const DraftKind = z.enum(['decision', 'recommendation', 'framework-change']);
const DraftStatus = z.enum(['negotiating', 'adopted', 'withdrawn']);
const ParagraphKind = z.enum(['preambular', 'operative']);
const Iso3 = z.string().describe('ISO 3166-1 alpha-3 code of a State');

export const ParagraphOut = z.object({
  key: z.string().describe('Stable across revisions'),
  kind: ParagraphKind,
  text: z.string(),
});
export const NumberedParagraphOut = ParagraphOut.extend({ label: z.string().describe('PP1 …, OP1 …: its place in this revision') });

export const FrameworkEffectOut = z.union([
  z.object({ action: z.literal('add'), code: z.string(), kind: z.enum(ELEMENT_KINDS), title: z.string(), paragraphKey: z.string() }),
  z.object({ action: z.literal('supersede'), code: z.string(), replacedBy: z.string().nullable() }),
]);

export const DraftListItem = z.object({
  id: z.string(),
  title: z.string().describe('The title of the latest revision'),
  body: z.string().describe('`plenary` or the working group id'),
  kind: DraftKind,
  status: DraftStatus,
  transmittedAt: z.date().nullable(),
  createdAt: z.date(),
  latest: z.object({ number: z.number().int(), label: z.string(), issuedAt: z.date() }),
  amendments: z.number().int().describe('Amendment proposals on the draft'),
});
export const DraftList = z.object({ items: z.array(DraftListItem), can: z.object({ table: z.boolean().describe('May table a zero draft (a chair or the Secretariat)') }) });

export const AmendmentOut = z.object({
  id: z.string(),
  revision: z.number().int().describe('The revision it was proposed against'),
  proposerState: Iso3,
  sponsors: z.array(Iso3).describe('The proposer first, then co-sponsors in the order they joined'),
  action: z.enum(['add', 'delete', 'replace']),
  paragraphKey: z.string().nullable().describe('The paragraph replaced or deleted, or the one after which to add (null: at the start)'),
  paragraphKind: ParagraphKind.nullable(),
  text: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['proposed', 'withdrawn']),
  takenUpIn: z.number().int().nullable().describe('The revision that took it up'),
  createdAt: z.date(),
  can: z.object({ cosponsor: z.boolean() }),
});

export const RevisionOut = z.object({
  number: z.number().int(),
  label: z.string(),
  issuedAt: z.date(),
  contentHash: z.string(),
  takesUp: z.array(z.string()),
  note: z.string().nullable(),
});

export const SilenceProcedureOut = z.object({
  id: z.string(),
  revision: z.number().int(),
  status: z.enum(['open', 'adopted', 'broken', 'withdrawn']),
  deadlineAt: z.date(),
  deadlineZone: z.string().describe('IANA time zone the deadline was stated in'),
  deadlineLocal: z.string().describe('The deadline as stated, local time with offset: 2027-03-15T12:00-04:00'),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  breaks: z.array(z.object({ state: Iso3, reason: z.string(), at: z.date() })),
  can: z.object({ breakSilence: z.boolean() }),
});

export const AdoptionProposalOut = z.object({
  id: z.string(),
  revision: z.number().int(),
  meetingId: z.string(),
  status: z.enum(['open', 'adopted', 'not-adopted', 'withdrawn']),
  proposedAt: z.date(),
  closedAt: z.date().nullable(),
  objections: z.array(z.object({ state: Iso3, reason: z.string(), at: z.date() })),
  can: z.object({ object: z.boolean(), declareConsensus: z.boolean() }),
});

export const DraftCan = z.object({
  issueRevision: z.boolean(),
  proposeAmendment: z.boolean(),
  breakSilence: z.boolean(),
  transmit: z.boolean(),
  proposeAdoption: z.boolean(),
  openSilenceProcedure: z.boolean(),
});

export const TransmissionOut = z
  .object({
    group: z.string().describe('The working group (its id) that prepared the text and transmitted it to the plenary'),
    transmittedAt: z.date(),
    revision: z.object({ number: z.number().int(), label: z.string(), contentHash: z.string() }).nullable().describe('The revision transmitted'),
  })
  .nullable()
  .describe("Where a text before the plenary comes from: null for the plenary's own drafts");

export const DraftDetail = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  kind: DraftKind,
  status: DraftStatus,
  implementsCodes: z.array(z.string()),
  frameworkEffects: z.array(FrameworkEffectOut),
  transmittedAt: z.date().nullable(),
  transmission: TransmissionOut,
  revisions: z.array(RevisionOut),
  latest: z.object({
    number: z.number().int(),
    label: z.string(),
    contentHash: z.string(),
    paragraphs: z.array(NumberedParagraphOut.extend({ amendments: z.array(AmendmentOut) })),
  }),
  unplaced: z.array(AmendmentOut),
  silenceProcedures: z.array(SilenceProcedureOut),
  adoptionProposals: z.array(AdoptionProposalOut),
  outcome: z.object({ id: z.string(), symbol: z.string() }).nullable(),
  /** The caller's own State, if they act for one: whose name the buttons carry. */
  actingFor: Iso3.nullable(),
  can: DraftCan,
});

export const Created = z.object({ id: z.string() });
export const CreatedDraft = z.object({ id: z.string(), revisionId: z.string() });
export const IssuedRevision = z.object({ id: z.string(), number: z.number().int() });
export const Transmitted = z.object({
  transmittedAt: z.date(),
  from: z.string().describe('The working group that transmitted it'),
  revision: z.object({ number: z.number().int(), label: z.string(), contentHash: z.string() }),
});

export const Comparison = z.object({
  from: z.object({ number: z.number().int(), label: z.string() }),
  to: z.object({ number: z.number().int(), label: z.string() }),
  paragraphs: z.array(
    z.object({
      key: z.string(),
      change: z.enum(['unchanged', 'changed', 'added', 'deleted']),
      from: NumberedParagraphOut.nullable(),
      to: NumberedParagraphOut.nullable(),
      words: z.array(z.object({ text: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })),
    }),
  ),
});

export const ProposedAdoption = z.object({ id: z.string(), revision: z.number().int() });
export const Objected = z.object({ status: z.literal('not-adopted') });
export const Declared = z.object({
  status: z.enum(['adopted', 'not-adopted']),
  outcome: z.object({ id: z.string(), symbol: z.string(), contentHash: z.string() }).nullable(),
});

export const OpenedSilence = z.object({ id: z.string(), deadlineAt: z.date(), deadlineLocal: z.string(), zone: z.string(), revision: z.number().int() });
export const OpenSilenceList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      draftId: z.string(),
      title: z.string(),
      revision: z.number().int(),
      revisionLabel: z.string(),
      deadlineAt: z.date(),
      deadlineZone: z.string(),
      deadlineLocal: z.string(),
      can: z.object({ breakSilence: z.boolean() }),
    }),
  ),
  actingFor: Iso3.nullable(),
  can: z.object({ breakSilence: z.boolean() }),
});
export const BrokenSilence = z.object({ status: z.literal('broken') });

export const OutcomeListItem = z.object({
  id: z.string(),
  symbol: z.string(),
  kind: DraftKind,
  title: z.string(),
  adoptedAt: z.date(),
  adoptedVia: z.enum(['meeting', 'silence']),
  contentHash: z.string(),
  supersededBy: z.object({ id: z.string(), symbol: z.string() }).nullable(),
});
export const OutcomeList = z.object({ items: z.array(OutcomeListItem) });

const RecordAmendment = AmendmentOut.omit({ can: true });
export const OutcomeDetail = z.object({
  id: z.string(),
  symbol: z.string(),
  kind: DraftKind,
  title: z.string(),
  paragraphs: z.array(NumberedParagraphOut),
  contentHash: z.string().describe('SHA-256 (hex) of the canonical JSON of {title, paragraphs: [{key, kind, text}]}, keys sorted'),
  verification: z.object({
    recomputedHash: z.string(),
    recordedHash: z.string().nullable(),
    auditEvent: z.number().int().nullable(),
    checkpoint: CheckpointSchema.nullable().describe('The signed checkpoint of the audit chain (GET /api/v1/audit/checkpoints) that covers the adoption'),
    provenanceIntact: z.boolean().describe('The working group that prepared the text is the one recorded on the audit chain at adoption'),
    intact: z.boolean(),
  }),
  transmission: TransmissionOut,
  adoptedAt: z.date(),
  adoptedVia: z.enum(['meeting', 'silence']),
  meetingId: z.string().nullable(),
  implementsCodes: z.array(z.string()),
  draftId: z.string(),
  revisions: z.array(RevisionOut),
  amendments: z.array(RecordAmendment),
  adoptionProposals: z.array(AdoptionProposalOut.omit({ can: true })),
  silenceProcedures: z.array(SilenceProcedureOut.omit({ can: true })),
  explanations: z.array(z.object({ state: Iso3, text: z.string(), at: z.date() })),
  supersedes: z.object({ id: z.string(), symbol: z.string() }).nullable(),
  supersededBy: z.object({ id: z.string(), symbol: z.string() }).nullable(),
  actingFor: Iso3.nullable(),
  can: z.object({ explain: z.boolean() }),
});
