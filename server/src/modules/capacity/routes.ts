import { z } from 'zod';
import { sendCsv } from '../../platform/http/csv.js';
import type { App } from '../../platform/http/server.js';
import type { Actor } from '../../kernel/actor.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { requireIfMatch } from '../../platform/http/etag.js';
import { capacityPolicy } from './policy.js';
import {
  AnalysisOut,
  Created,
  EvaluationBody,
  ExportQuery,
  FromReportBody,
  FromReportOut,
  Id,
  InviteBody,
  MatchList,
  MessageBody,
  NeedBody,
  NeedDetail,
  NeedList,
  NeedPatch,
  NeedsQuery,
  OfferBody,
  OfferDetail,
  OfferList,
  OfferPatch,
  OffersQuery,
  ProjectList,
  ProjectOut,
  ProjectPatch,
  RankedNeeds,
  RankedOffers,
  RankQuery,
} from './schemas.js';
import { VersionedCache } from '../../platform/http/versioned-cache.js';
import { analysisFor, listNeeds, listOffers, listProjects, myMatches, needDetail, offerDetail, projectForViewer, publicData, rankedNeedsForOffer, rankedOffersForNeed } from './reading.js';
import { createNeed } from './create-need.js';
import { publishReportNeeds } from './publish-report-needs.js';
import { updateNeed } from './update-need.js';
import { createOffer } from './create-offer.js';
import { updateOffer } from './update-offer.js';
import { inviteOffer } from './invite-offer.js';
import { acceptMatch } from './accept-match.js';
import { declineMatch } from './decline-match.js';
import { confirmMatch } from './confirm-match.js';
import { withdrawMatch } from './withdraw-match.js';
import { updateProject } from './update-project.js';
import { evaluateProject } from './evaluate-project.js';

const Params = z.object({ id: Id });
const Step = z.object({ id: z.string(), projectId: z.string().optional() });

/** What each viewer reads here depends on who it is: never kept by a shared cache. */
const privateReply = { 'cache-control': 'private, no-store' };

export function capacityRoutes(app: App, ctx: PlatformContext): void {
  const analyses = new VersionedCache(500);
  const { db } = ctx.database;
  const deps = { db, publicUrl: ctx.config.publicUrl };
  const tags = ['capacity'];
  const read = { policy: guard(capacityPolicy.read) };

  // ---- needs -------------------------------------------------------------------------------------
  app.get('/api/v1/capacity/needs', { config: read, schema: { tags, summary: 'The needs you may see, newest first', querystring: NeedsQuery, response: { 200: NeedList } } }, async (request, reply) => {
    reply.headers(privateReply);
    return listNeeds(db, request.actor, request.query);
  });
  app.post(
    '/api/v1/capacity/needs',
    { config: { policy: guard(capacityPolicy.publishNeed), idempotent: true }, schema: { tags, summary: "Publish a need of your State (focal point)", body: NeedBody, response: { 201: Created } } },
    async (request, reply) => reply.code(201).send(await createNeed(db, { actor: request.actor!, need: request.body })),
  );
  app.post(
    '/api/v1/capacity/needs/from-report',
    {
      config: { policy: guard(capacityPolicy.publishNeed), idempotent: true },
      schema: { tags, summary: "Publish the needs of your State's latest submitted national report, each linked to its section (focal point); those already published are not repeated", body: FromReportBody, response: { 201: FromReportOut } },
    },
    async (request, reply) => reply.code(201).send(await publishReportNeeds(db, { actor: request.actor!, ...request.body })),
  );
  app.get('/api/v1/capacity/needs/:id', { config: read, schema: { tags, summary: 'A need, with the matches on it you are a party to', params: Params, response: { 200: NeedDetail } } }, async (request, reply) => {
    reply.headers(privateReply);
    return needDetail(db, request.actor, request.params.id);
  });
  app.patch(
    '/api/v1/capacity/needs/:id',
    { config: { policy: guard(capacityPolicy.publishNeed) }, schema: { tags, summary: 'Change who sees a need, mark it met, or withdraw it (its focal point)', params: Params, body: NeedPatch, response: { 200: Created } } },
    async (request) => updateNeed(db, { actor: request.actor!, needId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/v1/capacity/needs/:id/offers',
    { config: read, schema: { tags, summary: 'The open offers you may see, ranked for the need, with the reasons of each rank', params: Params, querystring: RankQuery, response: { 200: RankedOffers } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return rankedOffersForNeed(db, request.actor, request.params.id, request.query.limit);
    },
  );
  app.post(
    '/api/v1/capacity/needs/:id/invitations',
    { config: { policy: guard(capacityPolicy.publishNeed), idempotent: true }, schema: { tags, summary: 'Invite an offer on your need (focal point of the requesting State)', params: Params, body: InviteBody, response: { 201: Created } } },
    async (request, reply) => reply.code(201).send(await inviteOffer(deps, { actor: request.actor!, needId: request.params.id, ...request.body })),
  );

  // ---- offers ------------------------------------------------------------------------------------
  app.get('/api/v1/capacity/offers', { config: read, schema: { tags, summary: 'The offers you may see, newest first', querystring: OffersQuery, response: { 200: OfferList } } }, async (request, reply) => {
    reply.headers(privateReply);
    return listOffers(db, request.actor, request.query);
  });
  app.post(
    '/api/v1/capacity/offers',
    { config: { policy: guard(capacityPolicy.publishOffer), idempotent: true }, schema: { tags, summary: 'Publish an offer: for your State (focal point), your organisation, or a programme (Secretariat)', body: OfferBody, response: { 201: Created } } },
    async (request, reply) => reply.code(201).send(await createOffer(db, { actor: request.actor!, offer: request.body })),
  );
  app.get('/api/v1/capacity/offers/:id', { config: read, schema: { tags, summary: 'An offer, with the matches on it you are a party to', params: Params, response: { 200: OfferDetail } } }, async (request, reply) => {
    reply.headers(privateReply);
    return offerDetail(db, request.actor, request.params.id);
  });
  app.patch(
    '/api/v1/capacity/offers/:id',
    { config: { policy: guard(capacityPolicy.publishOffer) }, schema: { tags, summary: 'Close, reopen or withdraw an offer, or change who sees it (its offeror)', params: Params, body: OfferPatch, response: { 200: Created } } },
    async (request) => updateOffer(db, { actor: request.actor!, offerId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/v1/capacity/offers/:id/needs',
    { config: read, schema: { tags, summary: 'The open needs you may see, ranked for the offer, with the reasons of each rank', params: Params, querystring: RankQuery, response: { 200: RankedNeeds } } },
    async (request, reply) => {
      reply.headers(privateReply);
      return rankedNeedsForOffer(db, request.actor, request.params.id, request.query.limit);
    },
  );

  // ---- the match workflow ------------------------------------------------------------------------
  app.get('/api/v1/capacity/matches', { config: { policy: guard(capacityPolicy.mine) }, schema: { tags, summary: 'The matches you are a party to, on either side', response: { 200: MatchList } } }, async (request, reply) => {
    reply.headers(privateReply);
    return myMatches(db, request.actor!);
  });
  const step = (name: string, summary: string, run: (input: { actor: Actor; matchId: string; message: string }) => Promise<z.infer<typeof Step>>) =>
    app.post(
      `/api/v1/capacity/matches/:id/${name}`,
      { config: { policy: guard(capacityPolicy.mine) }, schema: { tags, summary, params: Params, body: MessageBody, response: { 200: Step } } },
      async (request) => run({ actor: request.actor!, matchId: request.params.id, message: request.body.message }),
    );
  step('accept', 'Accept an invitation, with a message (the offeror)', (i) => acceptMatch(deps, i));
  step('decline', 'Decline an invitation, with a message (the offeror)', (i) => declineMatch(deps, i));
  step('confirm', 'Confirm an accepted match: the project begins (focal point of the requesting State); 409 when the need or the offer is full', (i) => confirmMatch(deps, i));
  step('withdraw', 'Withdraw from a match not yet confirmed, with a message (either side)', (i) => withdrawMatch(deps, i));

  // ---- projects ----------------------------------------------------------------------------------
  app.get('/api/v1/capacity/projects', { config: read, schema: { tags, summary: 'The project catalogue: the projects published, and yours', response: { 200: ProjectList } } }, async (request, reply) => {
    reply.headers(privateReply);
    return listProjects(db, request.actor);
  });
  app.get('/api/v1/capacity/projects/:id', { config: read, schema: { tags, summary: 'A project, as far as you may see it', params: Params, response: { 200: ProjectOut } } }, async (request, reply) => {
    reply.headers(privateReply);
    const project = await projectForViewer(db, request.actor, request.params.id);
    reply.header('etag', `"${project.version}"`);
    return project;
  });
  app.patch(
    '/api/v1/capacity/projects/:id',
    {
      config: { policy: guard(capacityPolicy.mine) },
      schema: { tags, summary: 'Keep a project (either partner); choose what is public and close it (the requesting State). If-Match: the version read', params: Params, body: ProjectPatch, response: { 200: z.object({ version: z.number().int() }) } },
    },
    async (request, reply) => {
      const saved = await updateProject(db, { actor: request.actor!, projectId: request.params.id, ifMatch: requireIfMatch(request), patch: request.body });
      reply.header('etag', `"${saved.version}"`);
      return saved;
    },
  );
  app.put(
    '/api/v1/capacity/projects/:id/evaluation',
    { config: { policy: guard(capacityPolicy.mine) }, schema: { tags, summary: "Your side's closing evaluation of a completed project (either partner)", params: Params, body: EvaluationBody, response: { 200: z.object({ side: z.enum(['requester', 'offeror']) }) } } },
    async (request) => evaluateProject(db, { actor: request.actor!, projectId: request.params.id, ...request.body }),
  );

  // ---- analysis and open data --------------------------------------------------------------------
  app.get('/api/v1/capacity/analysis', { config: read, schema: { tags, summary: 'Needs by pillar, element, regional group and modality; coverage; unmet needs; median days to match: from what you may see', response: { 200: AnalysisOut } } }, async (request, reply) => {
    // Kept until the needs, offers, framework or States change (their data versions): the public's
    // answer shared (and revalidated by ETag), any signed-in reader's kept for that account alone, since
    // what each may see of the needs and offers is its own.
    const version = () => ctx.database.versions.token('capacity', 'framework', 'states');
    const actor = request.actor;
    if (!actor) return analyses.send(request, reply, 'analysis:public', version, () => analysisFor(db, null));
    return analyses.send(request, reply, `analysis:${actor.accountId}`, version, () => analysisFor(db, actor), { personal: true });
  });
  app.get(
    '/api/v1/capacity/export',
    { config: read, schema: { tags, summary: 'Everything public of needs, offers or projects, as JSON or CSV (the same for everyone)', querystring: ExportQuery } },
    async (request, reply) => {
      const { format, what } = request.query;
      const rows = (await publicData(db, what)) as Record<string, unknown>[];
      const name = `poa-capacity-${what}`;
      reply.header('cache-control', 'no-cache');
      if (format === 'csv') {
        const columns = rows.length ? Object.keys(rows[0]!) : ['id'];
        const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
        return sendCsv(reply, name, [columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send({ what, items: rows });
    },
  );
}
