import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { LANGUAGES, LocalizedOut } from '../../kernel/languages.js';
import { sendCsv } from '../../platform/http/csv.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { declineInitiative } from './decline-initiative.js';
import { editInitiative } from './edit-initiative.js';
import { initiativesCan, initiativesPolicy } from './policy.js';
import { proposeInitiative } from './propose-initiative.js';
import { publishInitiative } from './publish-initiative.js';
import { initiativeRow, initiativesServing, initiativeView, listInitiatives, proposerFacts } from './reading.js';
import { DeclineBody, ElementCodeParams, InitiativeBody, InitiativeParams, InitiativeQuery, InitiativeSchema } from './schemas.js';
import { INITIATIVE_KINDS } from './tables.js';

export function initiativesRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['initiatives'];
  const read = { policy: guard(initiativesPolicy.read) };
  const review = { policy: guard(initiativesPolicy.review) };

  app.get(
    '/api/v1/initiatives',
    {
      config: read,
      schema: {
        tags,
        summary: 'Other initiatives the PoA coordinates with: published ones for everyone; a proposer also sees its own, the Secretariat all',
        querystring: InitiativeQuery,
        response: { 200: z.object({ items: z.array(InitiativeSchema), can: z.object({ propose: z.boolean(), review: z.boolean() }) }) },
      },
    },
    async (request) => ({ items: await listInitiatives(db, request.actor, request.query), can: canOf(initiativesCan.list, request.actor, await proposerFacts(db, request.actor)) }),
  );

  app.get(
    '/api/v1/initiatives/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The published initiatives as CSV or JSON (the same filters as the list)',
        querystring: InitiativeQuery.omit({ status: true }).extend({ format: z.enum(['csv', 'json']).default('json') }).strict(),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      // Open data: the published registry only, whoever asks.
      const items = await listInitiatives(db, null, { ...filter, status: 'published' });
      const name = `poa-initiatives-${new Date().toISOString().slice(0, 10)}`;
      if (format === 'csv') {
        const header = ['id', 'kind', ...LANGUAGES.map((l) => `name_${l}`), ...LANGUAGES.map((l) => `owner_${l}`), 'elements', 'states', 'contact', 'links'];
        const rows = items.map((i) => [
          i.id,
          i.kind,
          ...LANGUAGES.map((l) => i.name[l] ?? ''),
          ...LANGUAGES.map((l) => i.owner[l] ?? ''),
          i.elements.join(' '),
          i.states.join(' '),
          i.contact ?? '',
          i.links.map((k) => k.url).join(' '),
        ]);
        return sendCsv(reply, name, [header, ...rows]);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return reply
        .type('application/json; charset=utf-8')
        .serializer(JSON.stringify)
        .send({
          generatedAt: new Date().toISOString(),
          initiatives: items.map(({ can: _c, status: _s, declineReason: _d, version: _v, ...i }) => i),
        });
    },
  );

  app.get(
    '/api/v1/initiatives/:id',
    { config: read, schema: { tags, summary: 'One initiative (404 unless published, or the caller proposed it, or the Secretariat)', params: InitiativeParams, response: { 200: InitiativeSchema } } },
    async (request, reply) => {
      const row = await initiativeRow(db, request.actor, request.params.id);
      setEtag(reply, row.version);
      return initiativeView(db, request.actor, row);
    },
  );

  app.get(
    '/api/v1/framework/elements/:code/initiatives',
    {
      config: read,
      schema: {
        tags,
        summary: '"Who else works on this": the published initiatives that serve a framework element',
        params: ElementCodeParams,
        response: {
          200: z.object({
            code: z.string(),
            items: z.array(z.object({ id: z.string(), name: LocalizedOut, owner: LocalizedOut, kind: z.enum(INITIATIVE_KINDS), links: z.array(z.object({ label: z.string(), url: z.string() })) })),
          }),
        },
      },
    },
    async (request) => ({ code: request.params.code, items: await initiativesServing(db, request.params.code) }),
  );

  app.post(
    '/api/v1/initiatives',
    {
      config: { policy: guard(initiativesPolicy.proposeAtAll), idempotent: true },
      schema: { tags, summary: 'Propose an initiative (a focal point, an organisation, or the Secretariat); it is public once the Secretariat publishes it', body: InitiativeBody, response: { 201: InitiativeSchema } },
    },
    async (request, reply) => {
      const row = await proposeInitiative(db, { actor: request.actor!, ...request.body });
      return reply.code(201).send(await initiativeView(db, request.actor, row));
    },
  );

  app.put(
    '/api/v1/initiatives/:id',
    {
      config: { policy: guard(initiativesPolicy.editAtAll) },
      schema: {
        tags,
        summary: 'Edit an initiative: the Secretariat a proposed or published one, the proposer its own until it is decided. If-Match: the version read (412 when it changed since)',
        params: InitiativeParams,
        body: InitiativeBody,
        response: { 200: InitiativeSchema },
      },
    },
    async (request, reply) => {
      const row = await editInitiative(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), ...request.body });
      setEtag(reply, row.version);
      return initiativeView(db, request.actor, row);
    },
  );

  app.post(
    '/api/v1/initiatives/:id/publish',
    { config: review, schema: { tags, summary: 'Publish a proposed initiative (Secretariat)', params: InitiativeParams, response: { 200: InitiativeSchema } } },
    async (request) => initiativeView(db, request.actor, await publishInitiative(db, { actor: request.actor!, id: request.params.id })),
  );

  app.post(
    '/api/v1/initiatives/:id/decline',
    { config: review, schema: { tags, summary: 'Decline a proposed initiative, with a reason the proposer sees (Secretariat)', params: InitiativeParams, body: DeclineBody, response: { 200: InitiativeSchema } } },
    async (request) => initiativeView(db, request.actor, await declineInitiative(db, { actor: request.actor!, id: request.params.id, reason: request.body.reason })),
  );
}
