import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../../platform/http/server.js';
import type { PlatformContext } from '../../../platform/context.js';
import { canOf, guard } from '../../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../../platform/http/etag.js';
import { acceptUploads, createFileStorage, readUploadedFile, sendStoredFile, storeCheckedFile } from '../../documents/index.js';
import type { Delegation } from './delegations.js';
import { participantsCsvRows, participantsHtml } from './participants-list.js';
import { sendCsv } from '../../../platform/http/csv.js';
import { listOfParticipants } from './participants.js';
import { meetingsCan, meetingsPolicy } from '../policy.js';
import {
  confirmRegistration,
  listRegistrations,
  readRegistration,
  registerDelegation,
  withdrawRegistration,
  type RegistrationView,
} from './register-delegation.js';
import { optionalIfMatch } from '../routes.js';
import { Iso3, MeetingId, OrganisationId, ParticipantsList, RegistrationBody, RegistrationWithCan, Statement, StatementBody, StatementFileQuery } from '../schemas.js';
import { listStatements, statementFile, submitStatement } from '../agenda/submit-statement.js';

/** The two kinds of delegation, each with its own path: `/states/:iso3` and `/organisations/:organisationId`. */
const DELEGATION_PATHS = [
  {
    segment: 'states/:iso3',
    params: z.object({ id: MeetingId, iso3: Iso3 }),
    of: (request: FastifyRequest): Delegation => ({ kind: 'state', state: (request.params as { iso3: string }).iso3.toUpperCase() }),
  },
  {
    segment: 'organisations/:organisationId',
    params: z.object({ id: MeetingId, organisationId: OrganisationId }),
    of: (request: FastifyRequest): Delegation => ({ kind: 'organisation', organisationId: (request.params as { organisationId: string }).organisationId }),
  },
] as const;

export function registrationRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const storage = createFileStorage(ctx.config);
  const tags = ['meetings'];
  const Params = z.object({ id: MeetingId });

  const withCan = (request: FastifyRequest, r: RegistrationView) => ({ ...r, can: canOf(meetingsCan.registration, request.actor, r) });

  app.get(
    '/api/v1/meetings/:id/registrations',
    {
      config: { policy: guard(meetingsPolicy.listRegistrations) },
      schema: {
        tags,
        summary: "Registrations with their participants' contact details: all for the Secretariat, a delegation's own for it",
        params: Params,
        response: { 200: z.object({ items: z.array(RegistrationWithCan) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const items = await listRegistrations(db, { actor: request.actor!, meetingId: request.params.id });
      return { items: items.map((r) => withCan(request, r)) };
    },
  );

  for (const path of DELEGATION_PATHS) {
    const url = `/api/v1/meetings/:id/registrations/${path.segment}`;
    app.get(
      url,
      {
        config: { policy: guard(meetingsPolicy.readRegistration, path.of) },
        schema: { tags, summary: "A delegation's registration (the delegation itself, or the Secretariat)", params: path.params, response: { 200: RegistrationWithCan } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const r = await readRegistration(db, { actor: request.actor!, meetingId: request.params.id, delegation: path.of(request) });
        setEtag(reply, r.version);
        return withCan(request, r);
      },
    );

    app.put(
      url,
      {
        config: { policy: guard(meetingsPolicy.register, path.of) },
        schema: {
          tags,
          summary:
            'Register the delegation, or change it (If-Match): head of delegation, representatives, advisers. Only name, title and delegation ever become public, when the Secretariat publishes the list.',
          params: path.params,
          body: RegistrationBody,
          response: { 200: RegistrationWithCan },
        },
      },
      async (request, reply) => {
        const r = await registerDelegation(db, {
          actor: request.actor!,
          meetingId: request.params.id,
          delegation: path.of(request),
          contactEmail: request.body.contactEmail,
          participants: request.body.participants,
          ifMatch: optionalIfMatch(request),
        });
        setEtag(reply, r.version);
        return withCan(request, r);
      },
    );

    app.delete(
      url,
      {
        config: { policy: guard(meetingsPolicy.register, path.of) },
        schema: { tags, summary: 'Withdraw the registration (If-Match)', params: path.params, response: { 200: RegistrationWithCan } },
      },
      async (request, reply) => {
        const r = await withdrawRegistration(db, { actor: request.actor!, meetingId: request.params.id, delegation: path.of(request), ifMatch: requireIfMatch(request) });
        setEtag(reply, r.version);
        return withCan(request, r);
      },
    );

    app.post(
      `/api/v1/meetings/:id/statements/${path.segment}`,
      {
        config: { policy: guard(meetingsPolicy.submitStatement, path.of), idempotent: true },
        schema: { tags, summary: 'Submit a written statement on an agenda item, as text', params: path.params, body: StatementBody, response: { 201: Statement } },
      },
      async (request, reply) => {
        const s = await submitStatement(db, { actor: request.actor!, meetingId: request.params.id, delegation: path.of(request), ...request.body });
        return reply.code(201).send(s);
      },
    );
  }

  // Statement files: multipart in a scope of its own.
  app.register(async (scope) => {
    await acceptUploads(scope, ctx.config.uploadLimitBytes);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    for (const path of DELEGATION_PATHS) {
      typed.post(
        `/api/v1/meetings/:id/statements/${path.segment}/file`,
        {
          config: { policy: guard(meetingsPolicy.submitStatement, path.of) },
          schema: {
            tags,
            summary: 'Submit a statement on an agenda item as a file: PDF, DOCX or ODT, checked by its bytes (multipart, part `file`)',
            params: path.params,
            querystring: StatementFileQuery,
            consumes: ['multipart/form-data'],
            response: { 201: Statement },
          },
        },
        async (request, reply) => {
          const upload = await readUploadedFile(request, ctx.config.uploadLimitBytes);
          const file = await storeCheckedFile(storage, upload);
          const s = await submitStatement(db, { actor: request.actor!, meetingId: request.params.id, delegation: path.of(request), ...request.query, file });
          return reply.code(201).send(s);
        },
      );
    }
  });

  app.post(
    '/api/v1/meetings/:id/registrations/:registrationId/confirm',
    {
      config: { policy: guard(meetingsPolicy.confirm) },
      schema: {
        tags,
        summary: 'Confirm a registration as read (Secretariat; If-Match)',
        params: z.object({ id: MeetingId, registrationId: z.string().uuid() }),
        response: { 200: RegistrationWithCan },
      },
    },
    async (request, reply) => {
      const r = await confirmRegistration(db, { actor: request.actor!, meetingId: request.params.id, registrationId: request.params.registrationId, ifMatch: requireIfMatch(request) });
      setEtag(reply, r.version);
      return withCan(request, r);
    },
  );

  app.get(
    '/api/v1/meetings/:id/participants',
    {
      config: { policy: guard(meetingsPolicy.read) },
      schema: {
        tags,
        summary:
          'The list of participants (confirmed delegations; name, title and role only), as JSON, CSV or a printable page. Public once the Secretariat publishes it; before, the Secretariat alone sees it.',
        params: Params,
        querystring: z.object({ format: z.enum(['json', 'csv', 'html']).default('json') }),
        response: { 200: ParticipantsList },
      },
    },
    async (request, reply) => {
      const { meeting, delegations } = await listOfParticipants(db, { actor: request.actor, meetingId: request.params.id });
      const published = meeting.participantsPublishedAt !== null;
      // What only the Secretariat may see is never kept by a shared cache.
      reply.header('cache-control', published ? 'public, max-age=60' : 'private, no-store');
      const name = `participants-${meeting.id}`;
      const raw = reply as unknown as FastifyReply; // CSV and HTML are not the JSON shape declared for OpenAPI
      if (request.query.format === 'csv') {
        return sendCsv(raw, name, participantsCsvRows(delegations));
      }
      if (request.query.format === 'html') {
        const dates = `${meeting.startsAt.toISOString().slice(0, 10)} – ${meeting.endsAt.toISOString().slice(0, 10)}`;
        return raw.type('text/html; charset=utf-8').serializer(String).send(participantsHtml({ title: meeting.title.en, dates, venue: meeting.venue }, delegations));
      }
      return { meetingId: meeting.id, published, delegations };
    },
  );

  app.get(
    '/api/v1/meetings/:id/statements',
    {
      config: { policy: guard(meetingsPolicy.read) },
      schema: {
        tags,
        summary: "Statements, States' apart from stakeholders': public once published; before, each delegation sees its own and the Secretariat all",
        params: Params,
        querystring: z.object({ agendaItem: z.string().max(40).optional() }),
        response: { 200: z.object({ published: z.boolean(), states: z.array(Statement), stakeholders: z.array(Statement) }) },
      },
    },
    async (request, reply) => {
      const result = await listStatements(db, { actor: request.actor, meetingId: request.params.id, agendaItem: request.query.agendaItem });
      reply.header('cache-control', result.published && !request.actor ? 'public, max-age=60' : 'private, no-store');
      return result;
    },
  );

  app.get(
    '/api/v1/meetings/:id/statements/:statementId/file',
    {
      config: { policy: guard(meetingsPolicy.read) },
      schema: { tags, summary: "A statement's file, when the statement may be read", params: z.object({ id: MeetingId, statementId: z.string().uuid() }) },
    },
    async (request, reply) => {
      const file = await statementFile(db, { actor: request.actor, meetingId: request.params.id, statementId: request.params.statementId });
      reply.header('cache-control', 'private, no-store');
      return sendStoredFile(reply, storage, file, file.filename);
    },
  );
}
