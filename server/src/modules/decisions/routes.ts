import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { ELEMENT_KINDS } from '../framework/index.js';
import type { MeetingRoll } from './adoption.js';
import { proposeAdoption } from './propose-adoption.js';
import { objectToAdoption } from './object-to-adoption.js';
import { declareConsensusOn } from './declare-consensus.js';
import { openSilenceProcedure } from './open-silence-procedure.js';
import { breakSilence } from './break-silence.js';
import { explainPosition } from './explain-position.js';
import { createDraft, type WorkingGroups } from './create-draft.js';
import { issueRevision } from './issue-revision.js';
import { transmitDraft } from './transmit-draft.js';
import { proposeAmendment } from './propose-amendment.js';
import { cosponsorAmendment } from './cosponsor-amendment.js';
import { noteDraftSeen } from './note-draft-seen.js';
import { decisionsCan, decisionsPolicy } from './policy.js';
import {
  BrokenSilence,
  Comparison,
  Created,
  CreatedDraft,
  Declared,
  DraftDetail,
  DraftList,
  IssuedRevision,
  Objected,
  OpenedSilence,
  OpenSilenceList,
  OutcomeDetail,
  OutcomeList,
  ProposedAdoption,
  Transmitted,
} from './schemas.js';
import { compareDraftRevisions, draftWithRecord, listDrafts, listOutcomes, openSilenceProcedures, outcomeWithRecord } from './reading.js';
import { NoContent } from '../../platform/http/responses.js';

const Id = z.string().uuid();
const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'an element code');
const ParagraphIn = z.object({
  key: z.string().regex(/^[A-Za-z0-9-]{1,40}$/).optional(),
  kind: z.enum(['preambular', 'operative']),
  text: z.string().trim().min(1).max(10_000),
});
const Paragraphs = z.array(ParagraphIn).min(1).max(500);
const Reason = z.string().trim().min(3, 'give a reason').max(5000);
const FrameworkEffect = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add'),
    code: Code,
    kind: z.enum(ELEMENT_KINDS).exclude(['recommendation']),
    title: z.string().trim().min(1).max(500),
    paragraphKey: z.string().regex(/^\d{1,3}$/, 'the number of the paragraph in the zero draft (1, 2, …)'),
  }),
  z.object({ action: z.literal('supersede'), code: Code, replacedBy: Code.nullable() }),
]);

/** HTTP for negotiation and adoption. Rules live in the use cases; this maps requests to them. */
/**
 * `roll` comes from the meetings module: without it, adoption in a meeting is not offered.
 * `groups` comes from the groups module: the working groups a draft may be tabled before.
 */
export function decisionsRoutes(app: App, ctx: PlatformContext, { roll, groups }: { roll: MeetingRoll | null; groups: WorkingGroups }): void {
  const { db } = ctx.database;
  const tags = ['decisions'];
  const read = { policy: guard(decisionsPolicy.read) };
  const chair = { policy: guard(decisionsPolicy.chair) };
  const forState = { policy: guard(decisionsPolicy.actForState) };

  app.get(
    '/api/v1/drafts',
    { config: read, schema: { tags, querystring: z.object({ body: z.string().max(60).optional(), status: z.enum(['negotiating', 'adopted', 'withdrawn']).optional() }), response: { 200: DraftList } } },
    async (request) => ({ items: await listDrafts(db, request.query), can: canOf(decisionsCan.drafts, request.actor) }),
  );

  app.post(
    '/api/v1/drafts',
    {
      config: { ...chair, idempotent: true },
      schema: {
        tags,
        summary: 'Table a zero draft (chair or Secretariat)',
        body: z
          .object({
            title: z.string().trim().min(1).max(500),
            body: z.string().regex(/^(plenary|[0-9a-f-]{36})$/, '`plenary` or a working group id'),
            kind: z.enum(['decision', 'recommendation', 'framework-change']),
            implementsCodes: z.array(Code).max(50).default([]),
            frameworkEffects: z.array(FrameworkEffect).max(50).default([]),
            supersedesOutcome: Id.optional(),
            paragraphs: Paragraphs,
          })
          .strict(),
        response: { 201: CreatedDraft },
      },
    },
    async (request, reply) => reply.code(201).send(await createDraft(db, groups, { actor: request.actor!, ...request.body })),
  );

  app.get(
    '/api/v1/drafts/:id',
    { config: read, schema: { tags, summary: 'A draft: revisions, latest text, amendments per paragraph, the decision record', params: z.object({ id: Id }), response: { 200: DraftDetail } } },
    async (request, reply) => {
      const draft = await draftWithRecord(db, request.params.id, request.actor);
      // What changed since is measured from here: the account's own "My PoA" reads it.
      if (request.actor) await noteDraftSeen(db, { accountId: request.actor.accountId, draftId: draft.id });
      setEtag(reply, draft.latest.number);
      return draft;
    },
  );

  app.post(
    '/api/v1/drafts/:id/revisions',
    {
      config: { ...chair, idempotent: true },
      schema: {
        tags,
        summary: 'Issue the next revision (If-Match: the latest revision number as ETag)',
        params: z.object({ id: Id }),
        body: z.object({ title: z.string().trim().min(1).max(500).optional(), paragraphs: Paragraphs, takesUp: z.array(Id).max(500).default([]), note: z.string().max(2000).optional() }).strict(),
        response: { 201: IssuedRevision },
      },
    },
    async (request, reply) => {
      const revision = await issueRevision(db, { actor: request.actor!, draftId: request.params.id, ifMatch: requireIfMatch(request), ...request.body });
      setEtag(reply, revision.number);
      return reply.code(201).send(revision);
    },
  );

  app.get(
    '/api/v1/drafts/:id/compare',
    {
      config: read,
      schema: { tags, summary: 'Compare two revisions paragraph by paragraph, with word-level changes', params: z.object({ id: Id }), querystring: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) }),
        response: { 200: Comparison },
      },
    },
    async (request) => compareDraftRevisions(db, request.params.id, request.query.from, request.query.to),
  );

  app.post(
    '/api/v1/drafts/:id/transmit',
    { config: chair, schema: { tags, summary: "Transmit a working group's draft to the plenary", params: z.object({ id: Id }), response: { 200: Transmitted } } },
    async (request) => transmitDraft(db, { actor: request.actor!, draftId: request.params.id }),
  );

  app.post(
    '/api/v1/drafts/:id/amendments',
    {
      config: { ...forState, idempotent: true },
      schema: {
        tags,
        summary: 'Propose an amendment for your State, against a revision',
        params: z.object({ id: Id }),
        body: z
          .object({
            revision: z.number().int().min(0),
            action: z.enum(['add', 'delete', 'replace']),
            paragraphKey: z.string().max(40).nullable(),
            paragraphKind: z.enum(['preambular', 'operative']).optional(),
            text: z.string().trim().min(1).max(10_000).optional(),
            reason: Reason,
          })
          .strict(),
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const { revision, ...rest } = request.body;
      return reply.code(201).send(await proposeAmendment(db, { actor: request.actor!, draftId: request.params.id, revisionNumber: revision, ...rest }));
    },
  );

  app.post(
    '/api/v1/amendments/:id/sponsors',
    { config: forState, schema: { tags, summary: 'Join an amendment as co-sponsor, for your State', params: z.object({ id: Id }), response: { 204: NoContent } } },
    async (request, reply) => {
      await cosponsorAmendment(db, { actor: request.actor!, amendmentId: request.params.id });
      return reply.code(204).send();
    },
  );

  if (roll) meetingAdoptionRoutes(app, ctx, roll);

  app.post(
    '/api/v1/drafts/:id/silence-procedures',
    {
      config: { ...chair, idempotent: true },
      schema: {
        tags,
        summary: 'Circulate the latest revision under a silence procedure until a local deadline in a time zone',
        params: z.object({ id: Id }),
        body: z
          .object({
            deadlineLocal: z.string().max(19).optional().describe('YYYY-MM-DDTHH:mm in the zone; the default silence period from now when left out'),
            zone: z.string().min(1).max(60).describe('IANA time zone, e.g. America/New_York or Europe/Zurich'),
          })
          .strict(),
        response: { 201: OpenedSilence },
      },
    },
    async (request, reply) => reply.code(201).send(await openSilenceProcedure(ctx, { actor: request.actor!, draftId: request.params.id, ...request.body })),
  );

  app.get(
    '/api/v1/silence-procedures',
    { config: read, schema: { tags, summary: 'Silence procedures open now, soonest deadline first', response: { 200: OpenSilenceList } } },
    async (request) => ({
      items: await openSilenceProcedures(db, request.actor),
      actingFor: request.actor?.state ?? null,
      can: canOf(decisionsCan.openSilence, request.actor),
    }),
  );

  app.post(
    '/api/v1/silence-procedures/:id/breaks',
    {
      config: { policy: guard(decisionsPolicy.breakSilence) },
      schema: { tags, summary: 'Break silence for your State, with a reason (focal point), before the deadline', params: z.object({ id: Id }), body: z.object({ reason: Reason }).strict(), response: { 201: BrokenSilence } },
    },
    async (request, reply) => reply.code(201).send(await breakSilence(ctx, { actor: request.actor!, procedureId: request.params.id, reason: request.body.reason })),
  );

  app.get('/api/v1/outcomes', { config: read, schema: { tags, summary: 'Adopted outcomes, newest first', response: { 200: OutcomeList } } }, async () => ({ items: await listOutcomes(db) }));

  app.get(
    '/api/v1/outcomes/:id',
    { config: read, schema: { tags, summary: 'An outcome: frozen text, content hash verified against the audit chain, the decision record', params: z.object({ id: Id }), response: { 200: OutcomeDetail } } },
    async (request) => outcomeWithRecord(db, { id: request.params.id }, request.actor),
  );

  app.post(
    '/api/v1/outcomes/:id/explanations',
    { config: { ...forState, idempotent: true }, schema: { tags, summary: 'Explain your State’s position on an adopted outcome', params: z.object({ id: Id }), body: z.object({ text: z.string().trim().min(3).max(10_000) }).strict(), response: { 201: Created } } },
    async (request, reply) => reply.code(201).send(await explainPosition(db, { actor: request.actor!, outcomeId: request.params.id, text: request.body.text })),
  );
}

function meetingAdoptionRoutes(app: App, ctx: PlatformContext, roll: MeetingRoll): void {
  const tags = ['decisions'];
  const chair = { policy: guard(decisionsPolicy.chair) };
  const forState = { policy: guard(decisionsPolicy.actForState) };
  app.post(
    '/api/v1/drafts/:id/adoption-proposals',
    { config: { ...chair, idempotent: true }, schema: { tags, summary: 'Propose adoption of the latest revision in a meeting in session', params: z.object({ id: Id }), body: z.object({ meetingId: Id }).strict(), response: { 201: ProposedAdoption } } },
    async (request, reply) => reply.code(201).send(await proposeAdoption(ctx, roll, { actor: request.actor!, draftId: request.params.id, meetingId: request.body.meetingId })),
  );

  app.post(
    '/api/v1/adoption-proposals/:id/objections',
    { config: forState, schema: { tags, summary: 'Object, for your State, with a reason', params: z.object({ id: Id }), body: z.object({ reason: Reason }).strict(), response: { 201: Objected } } },
    async (request, reply) => reply.code(201).send(await objectToAdoption(ctx, roll, { actor: request.actor!, proposalId: request.params.id, reason: request.body.reason })),
  );

  app.post(
    '/api/v1/adoption-proposals/:id/consensus',
    { config: chair, schema: { tags, summary: 'Declare consensus: adopted when nobody objected', params: z.object({ id: Id }), response: { 200: Declared } } },
    async (request) => declareConsensusOn(ctx, roll, { actor: request.actor!, proposalId: request.params.id }),
  );

}
