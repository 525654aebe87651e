import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { DocumentSchema, IssueDocumentBody, issueDocument, listDocuments } from '../documents/index.js';
import { flattenAgenda } from './agenda/agenda.js';
import { delegationOfCaller, meetingFacts, ownDelegation } from './can.js';
import { MEETING_KINDS, MEETING_STATUSES } from './meeting-rules.js';
import { meetingsCan, meetingsPolicy } from './policy.js';
import { agendaVersionsOf, currentAgenda, listMeetings, meetingRow, toMeetingView } from './reading.js';
import { adoptAgenda, reviseAgenda } from './agenda/revise-agenda.js';
import { changeMeetingStatus, setPublication } from './run-meeting.js';
import { scheduleMeeting, updateMeeting } from './schedule-meeting.js';
import { AgendaBody, AgendaVersion, CancelBody, CreateMeetingBody, Meeting, MeetingChangesBody, MeetingId, MeetingPage, MeetingWithCan, PostponeBody } from './schemas.js';
import { announceMeeting } from './announce-meeting.js';
import { cancelMeeting } from './cancel-meeting.js';
import { postponeMeeting } from './postpone-meeting.js';

/** If-Match when sent; null when not (the first version of something). */
export const optionalIfMatch = (request: FastifyRequest): number | null => (request.headers['if-match'] ? requireIfMatch(request) : null);

export function meetingRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const read = { policy: guard(meetingsPolicy.read) };
  const manage = { policy: guard(meetingsPolicy.manage) };
  const tags = ['meetings'];
  const Params = z.object({ id: MeetingId });

  const withCan = async (request: FastifyRequest, row: Awaited<ReturnType<typeof meetingRow>>) => {
    const [own, agenda] = await Promise.all([ownDelegation(db, request.actor), currentAgenda(db, row.id)]);
    return { ...toMeetingView(row), can: canOf(meetingsCan.meeting, request.actor, meetingFacts(row, own, agenda)) };
  };

  app.get(
    '/api/v1/meetings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Meetings in date order: of the plenary and of the working groups',
        querystring: z.object({
          from: z.coerce.date().optional().describe('Meetings ending on or after this instant'),
          to: z.coerce.date().optional().describe('Meetings starting on or before this instant'),
          kind: z.enum(MEETING_KINDS).optional(),
          group: z.string().uuid().optional(),
          status: z.enum(MEETING_STATUSES).optional(),
          q: z.string().trim().max(200).optional().describe('Part of a title or venue, any language'),
          limit: z.coerce.number().int().min(1).max(500).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(Meeting),
            can: z.object({
              schedule: z.boolean().describe('May schedule a meeting (the Secretariat)'),
              seeStatuses: z.array(z.enum(MEETING_STATUSES)).describe('The statuses whose meetings the caller may see, for a status filter'),
            }),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listMeetings(db, { from: q.from, to: q.to, kind: q.kind, groupId: q.group, status: q.status, q: q.q, limit: q.limit, offset: q.offset }, request.actor);
      return { items: rows.map((r) => toMeetingView(r)), can: canOf(meetingsCan.list, request.actor) };
    },
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      config: read,
      schema: { tags, summary: 'A meeting, with its agenda and documents, and what the caller may do', params: Params, response: { 200: MeetingPage } },
    },
    async (request, reply) => {
      const row = await meetingRow(db, request.params.id, request.actor);
      setEtag(reply, row.version);
      const own = await ownDelegation(db, request.actor);
      const [agenda, documents, delegation] = await Promise.all([currentAgenda(db, row.id), listDocuments(db, { meetingId: row.id, limit: 500 }), delegationOfCaller(db, own, row.id)]);
      return { ...toMeetingView(row), can: canOf(meetingsCan.meeting, request.actor, meetingFacts(row, own, agenda)), agenda, documents: documents.items, delegation };
    },
  );

  app.post(
    '/api/v1/meetings',
    {
      config: { ...manage, idempotent: true },
      schema: { tags, summary: 'Schedule a meeting of the plenary (Secretariat). Times are wall-clock times in timeZone.', body: CreateMeetingBody, response: { 201: MeetingWithCan } },
    },
    async (request, reply) => {
      const view = await scheduleMeeting(db, { actor: request.actor!, ...request.body });
      setEtag(reply, view.version);
      return reply.code(201).send({ ...view, can: canOf(meetingsCan.meeting, request.actor, meetingFacts(await meetingRow(db, view.id, request.actor), null, null)) });
    },
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a meeting's title, dates, place or format; its body and kind before it is announced (Secretariat; If-Match)",
        params: Params,
        body: MeetingChangesBody,
        response: { 200: MeetingWithCan },
      },
    },
    async (request, reply) => {
      if (Object.keys(request.body).length === 0) throw badRequest('Give at least one field to change.');
      const view = await updateMeeting(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), changes: request.body });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  app.post(
    '/api/v1/meetings/:id/status',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open registration, open the session, close the meeting (Secretariat; If-Match)',
        params: Params,
        body: z.object({ status: z.enum(MEETING_STATUSES) }).strict(),
        response: { 200: MeetingWithCan },
      },
    },
    async (request, reply) => {
      const view = await changeMeetingStatus(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), status: request.body.status });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  app.post(
    '/api/v1/meetings/:id/announce',
    {
      config: manage,
      schema: { tags, summary: 'Announce a draft meeting: it becomes planned and public (Secretariat; If-Match)', params: Params, response: { 200: MeetingWithCan } },
    },
    async (request, reply) => {
      const view = await announceMeeting(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request) });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  app.post(
    '/api/v1/meetings/:id/postpone',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Postpone an announced meeting to new dates, with a reason told to the registered delegations (Secretariat; If-Match)',
        params: Params,
        body: PostponeBody,
        response: { 200: MeetingWithCan },
      },
    },
    async (request, reply) => {
      const view = await postponeMeeting(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), publicUrl: ctx.config.publicUrl, ...request.body });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  app.post(
    '/api/v1/meetings/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel an announced meeting, with a reason told to the registered delegations (Secretariat; If-Match)',
        params: Params,
        body: CancelBody,
        response: { 200: MeetingWithCan },
      },
    },
    async (request, reply) => {
      const view = await cancelMeeting(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), publicUrl: ctx.config.publicUrl, reason: request.body.reason });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  app.put(
    '/api/v1/meetings/:id/publication',
    {
      config: { policy: guard(meetingsPolicy.publish) },
      schema: {
        tags,
        summary: 'Publish (or withdraw) the list of participants and the statements (Secretariat; If-Match)',
        params: Params,
        body: z.object({ participants: z.boolean().optional(), statements: z.boolean().optional() }).strict(),
        response: { 200: MeetingWithCan },
      },
    },
    async (request, reply) => {
      const view = await setPublication(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), ...request.body });
      setEtag(reply, view.version);
      return withCan(request, await meetingRow(db, view.id, request.actor));
    },
  );

  // ---- agenda ----

  app.get(
    '/api/v1/meetings/:id/agenda',
    {
      config: read,
      schema: {
        tags,
        summary: 'The agenda that counts (adopted, else the latest revision) and every version; `version` for one of them',
        params: Params,
        querystring: z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() }),
        response: {
          200: z.object({
            current: AgendaVersion.nullable(),
            versions: z.array(AgendaVersion.pick({ version: true, status: true, label: true, createdAt: true, adoptedAt: true })),
            can: z.object({ revise: z.boolean(), adopt: z.boolean() }),
          }),
        },
      },
    },
    async (request, reply) => {
      await meetingRow(db, request.params.id, request.actor);
      const versions = await agendaVersionsOf(db, request.params.id);
      const wanted = request.query.version;
      const current = wanted ? versions.find((v) => v.version === wanted) : (versions.find((v) => v.status === 'adopted') ?? versions[0]);
      if (wanted && !current) throw notFound(`Version ${wanted} of the agenda`);
      if (versions[0]) setEtag(reply, versions[0].version);
      return {
        current: current ?? null,
        versions: versions.map(({ version, status, label, createdAt, adoptedAt }) => ({ version, status, label, createdAt, adoptedAt })),
        can: canOf(meetingsCan.agenda, request.actor, { versions }),
      };
    },
  );

  app.post(
    '/api/v1/meetings/:id/agenda',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the provisional agenda or revise it: a new version (Secretariat; If-Match of the latest version, once there is one)',
        params: Params,
        body: AgendaBody,
        response: { 201: AgendaVersion },
      },
    },
    async (request, reply) => {
      const version = await reviseAgenda(db, { actor: request.actor!, meetingId: request.params.id, ifMatch: optionalIfMatch(request), ...request.body });
      setEtag(reply, version.version);
      return reply.code(201).send(version);
    },
  );

  app.post(
    '/api/v1/meetings/:id/agenda/adopt',
    {
      config: manage,
      schema: { tags, summary: 'Record the adoption of the latest agenda version: it is frozen (Secretariat; If-Match)', params: Params, response: { 200: AgendaVersion } },
    },
    async (request, reply) => {
      const version = await adoptAgenda(db, { actor: request.actor!, meetingId: request.params.id, ifMatch: requireIfMatch(request) });
      setEtag(reply, version.version);
      return version;
    },
  );

  // ---- documents of the meeting ----

  app.get(
    '/api/v1/meetings/:id/documents',
    {
      config: read,
      schema: { tags, summary: "The meeting's official documents, with the languages each exists in", params: Params, response: { 200: z.object({ items: z.array(DocumentSchema) }) } },
    },
    async (request) => {
      await meetingRow(db, request.params.id, request.actor);
      return { items: (await listDocuments(db, { meetingId: request.params.id, limit: 500 })).items };
    },
  );

  app.post(
    '/api/v1/meetings/:id/documents',
    {
      config: { ...manage, idempotent: true },
      schema: {
        tags,
        summary: 'Issue an official document of the meeting, optionally for an agenda item (Secretariat); then upload its languages',
        params: Params,
        body: IssueDocumentBody.extend({ agendaItem: z.string().min(1).max(40).optional() }).strict(),
        response: { 201: DocumentSchema },
      },
    },
    async (request, reply) => {
      const meeting = await meetingRow(db, request.params.id, request.actor);
      const { agendaItem, ...doc } = request.body;
      if (agendaItem) {
        const agenda = await currentAgenda(db, meeting.id);
        if (!agenda || !flattenAgenda(agenda.items).some((i) => i.key === agendaItem)) {
          throw badRequest('No such item on the agenda.', [{ field: 'body.agendaItem', message: 'not an item of the agenda' }]);
        }
      }
      const issued = await issueDocument(db, {
        actor: request.actor!,
        symbolPattern: ctx.config.documentSymbolPattern,
        ...doc,
        meetingId: meeting.id,
        agendaItem: agendaItem ?? null,
        groupId: meeting.groupId,
      });
      return reply.code(201).send(issued);
    },
  );
}
