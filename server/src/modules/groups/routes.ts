import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { badRequest } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { DocumentSchema, IssueDocumentBody, issueDocument, listDocuments } from '../documents/index.js';
import { listMeetings, MeetingFieldsBody, MeetingSchema, scheduleMeeting, toMeetingView } from '../meetings/index.js';
import { findOrganisation } from '../stakeholders/index.js';
import { noDrafts, type GroupPageSources } from './drafts-seam.js';
import { joinGroup, leaveGroup } from './join-group.js';
import { CHAIR_ROLES, type Participant } from './membership.js';
import { groupsCan, groupsPolicy } from './policy.js';
import { currentMembers, groupRow, listGroups, toGroupView, type GroupRow } from './reading.js';
import { createGroup, updateGroup } from './set-up-group.js';
import { LocalizedOut, localizedSchema, LocalizedSchema } from '../../kernel/languages.js';

const GroupId = z.string().uuid('a group id');
const Iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
  .transform((s) => s.toUpperCase());

const Chair = z.object({ name: z.string().trim().min(1).max(200), role: z.enum(CHAIR_ROLES), state: Iso3.nullable().default(null) }).strict();
const WorkItem = z
  .object({ title: LocalizedSchema, period: z.string().trim().max(40).nullable().default(null), description: z.string().trim().max(2000).nullable().default(null) })
  .strict();
const GroupBody = z
  .object({
    name: LocalizedSchema,
    mandate: localizedSchema(5000),
    mandateSource: z.string().trim().min(1).max(200).nullable().optional(),
    mandateOutcomeId: z.string().uuid().nullable().optional(),
    chairs: z.array(Chair).max(10).optional(),
    workProgramme: z.array(WorkItem).max(100).optional(),
    stakeholderObservers: z.boolean(),
  })
  .strict();

const Group = z.object({
  id: z.string(),
  name: LocalizedOut,
  mandate: LocalizedOut,
  mandateSource: z.string().nullable(),
  mandateOutcomeId: z.string().nullable(),
  chairs: z.array(z.object({ name: z.string(), role: z.enum(CHAIR_ROLES), state: z.string().nullable() })),
  workProgramme: z.array(z.object({ title: LocalizedOut, period: z.string().nullable(), description: z.string().nullable() })),
  stakeholderObservers: z.boolean(),
  status: z.enum(['active', 'closed']),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const Members = z.object({
  states: z.array(z.object({ iso3: z.string(), names: z.record(z.string(), z.string()), status: z.enum(['member', 'observer']), joinedAt: z.date() })),
  observers: z.array(z.object({ organisationId: z.string(), name: z.string(), joinedAt: z.date() })),
});
const GroupCan = z.object({
  manage: z.boolean(),
  join: z.boolean().describe("The caller's State may join"),
  leave: z.boolean().describe("The caller's State may leave"),
  observe: z.boolean().describe("The caller's organisation may take part as an observer"),
  stopObserving: z.boolean(),
});
const GroupPage = Group.extend({
  members: Members,
  meetings: z.array(MeetingSchema),
  documents: z.array(DocumentSchema),
  drafts: z.array(z.object({ id: z.string(), title: z.string(), revision: z.string(), status: z.string(), url: z.string() })),
  can: GroupCan,
});

export function groupsRoutes(app: App, ctx: PlatformContext, sources: GroupPageSources = {}): void {
  const { db } = ctx.database;
  const draftsOf = sources.draftsOf ?? noDrafts;
  const tags = ['groups'];
  const read = { policy: guard(groupsPolicy.read) };
  const manage = { policy: guard(groupsPolicy.manage) };
  const Params = z.object({ id: GroupId });

  const organisationAccredited = async (actor: Actor | null) =>
    !!actor?.organisation && (await findOrganisation(db, actor.organisation))?.accreditation === 'accredited';

  const page = async (request: FastifyRequest, g: GroupRow) => {
    const [members, meetings, documents, drafts] = [
      await currentMembers(db, g.id),
      await listMeetings(db, { groupId: g.id }, request.actor),
      await listDocuments(db, { groupId: g.id, limit: 500 }),
      await draftsOf(db, g.id),
    ];
    return {
      ...toGroupView(g),
      members,
      meetings: meetings.map((m) => toMeetingView(m)),
      documents: documents.items,
      drafts,
      can: canOf(groupsCan.group, request.actor, {
        group: g,
        memberStates: members.states.map((s) => s.iso3),
        observerOrganisations: members.observers.map((o) => o.organisationId),
        accredited: await organisationAccredited(request.actor),
      }),
    };
  };

  app.get(
    '/api/v1/groups',
    {
      config: read,
      schema: {
        tags,
        summary: 'Technical working groups, with how many States and observers take part',
        querystring: z.object({ q: z.string().trim().max(200).optional(), status: z.enum(['active', 'closed']).optional() }),
        response: {
          200: z.object({
            items: z.array(Group.extend({ memberCount: z.number().int(), observerCount: z.number().int() })),
            can: z.object({ create: z.boolean().describe('The caller may set up a group') }),
          }),
        },
      },
    },
    async (request) => ({ items: await listGroups(db, request.query), can: canOf(groupsCan.list, request.actor) }),
  );

  app.get(
    '/api/v1/groups/:id',
    {
      config: read,
      schema: { tags, summary: "A group's page: mandate, chairs, work programme, members, meetings, documents, drafts", params: Params, response: { 200: GroupPage } },
    },
    async (request, reply) => {
      const g = await groupRow(db, request.params.id);
      setEtag(reply, g.version);
      return page(request, g);
    },
  );

  app.post(
    '/api/v1/groups',
    { config: { ...manage, idempotent: true }, schema: { tags, summary: 'Set up a working group with its mandate (Secretariat)', body: GroupBody, response: { 201: GroupPage } } },
    async (request, reply) => {
      const g = await createGroup(db, { actor: request.actor!, ...request.body });
      setEtag(reply, g.version);
      return reply.code(201).send(await page(request, g));
    },
  );

  app.patch(
    '/api/v1/groups/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a group's chairs, work programme, modalities, or close it (Secretariat; If-Match)",
        params: Params,
        body: GroupBody.partial().extend({ status: z.enum(['active', 'closed']).optional() }).strict(),
        response: { 200: GroupPage },
      },
    },
    async (request, reply) => {
      if (Object.keys(request.body).length === 0) throw badRequest('Give at least one field to change.');
      const g = await updateGroup(db, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), changes: request.body });
      setEtag(reply, g.version);
      return page(request, g);
    },
  );

  const JoinBody = z.union([z.object({ state: Iso3 }).strict(), z.object({ organisationId: z.string().uuid() }).strict()]);
  const whoOf = (body: z.infer<typeof JoinBody>): Participant =>
    'state' in body ? { kind: 'state', state: body.state } : { kind: 'organisation', organisationId: body.organisationId };

  app.post(
    '/api/v1/groups/:id/members',
    {
      config: { policy: guard(groupsPolicy.joinAsMember, (request) => whoOf(request.body as z.infer<typeof JoinBody>)) },
      schema: {
        tags,
        summary: 'A State joins the group as a member, by itself (its focal point or a delegate). An organisation is never a member.',
        params: Params,
        body: JoinBody,
        response: { 201: GroupPage, 200: GroupPage },
      },
    },
    async (request, reply) => {
      const joined = await joinGroup(db, { actor: request.actor!, groupId: request.params.id, who: whoOf(request.body), as: 'member' });
      return reply.code(joined.alreadyIn ? 200 : 201).send(await page(request, await groupRow(db, request.params.id)));
    },
  );

  app.delete(
    '/api/v1/groups/:id/members/:iso3',
    {
      config: { policy: guard(groupsPolicy.leave, (request) => (request.params as { iso3: string }).iso3.toUpperCase()) },
      schema: { tags, summary: 'A State leaves the group, by itself', params: z.object({ id: GroupId, iso3: Iso3 }), response: { 200: GroupPage } },
    },
    async (request) => {
      await leaveGroup(db, { actor: request.actor!, groupId: request.params.id, who: { kind: 'state', state: request.params.iso3 } });
      return page(request, await groupRow(db, request.params.id));
    },
  );

  app.post(
    '/api/v1/groups/:id/observers',
    {
      config: { policy: guard(groupsPolicy.observe, (request) => (request.body as { organisationId?: string }).organisationId ?? '') },
      schema: {
        tags,
        summary: "An accredited organisation takes part as an observer, when the group's modalities allow",
        params: Params,
        body: z.object({ organisationId: z.string().uuid() }).strict(),
        response: { 201: GroupPage, 200: GroupPage },
      },
    },
    async (request, reply) => {
      const who: Participant = { kind: 'organisation', organisationId: request.body.organisationId };
      const joined = await joinGroup(db, { actor: request.actor!, groupId: request.params.id, who, as: 'observer' });
      return reply.code(joined.alreadyIn ? 200 : 201).send(await page(request, await groupRow(db, request.params.id)));
    },
  );

  app.delete(
    '/api/v1/groups/:id/observers/:organisationId',
    {
      config: { policy: guard(groupsPolicy.stopObserving, (request) => (request.params as { organisationId: string }).organisationId) },
      schema: { tags, summary: 'An organisation stops observing the group', params: z.object({ id: GroupId, organisationId: z.string().uuid() }), response: { 200: GroupPage } },
    },
    async (request) => {
      await leaveGroup(db, { actor: request.actor!, groupId: request.params.id, who: { kind: 'organisation', organisationId: request.params.organisationId } });
      return page(request, await groupRow(db, request.params.id));
    },
  );

  app.post(
    '/api/v1/groups/:id/meetings',
    {
      config: { ...manage, idempotent: true },
      schema: {
        tags,
        summary: "Schedule a meeting of the group (Secretariat): stakeholders attend as the group's modalities say",
        params: Params,
        body: MeetingFieldsBody.omit({ stakeholdersMayAttend: true })
          .extend({ kind: z.enum(['twg-meeting', 'informal-consultation']), draft: z.boolean().optional().describe('Save as a draft, seen by the Secretariat alone until announced') })
          .strict(),
        response: { 201: MeetingSchema },
      },
    },
    async (request, reply) => {
      const g = await groupRow(db, request.params.id);
      if (g.status === 'closed') throw badRequest('The group has concluded its work.', [{ field: 'params.id', message: 'the group is closed' }]);
      const meeting = await scheduleMeeting(db, { actor: request.actor!, ...request.body, groupId: g.id, stakeholdersMayAttend: g.stakeholderObservers });
      return reply.code(201).send(meeting);
    },
  );

  app.post(
    '/api/v1/groups/:id/documents',
    {
      config: { ...manage, idempotent: true },
      schema: { tags, summary: 'Issue an official document of the group (Secretariat); then upload its languages', params: Params, body: IssueDocumentBody, response: { 201: DocumentSchema } },
    },
    async (request, reply) => {
      const g = await groupRow(db, request.params.id);
      const doc = await issueDocument(db, { actor: request.actor!, symbolPattern: ctx.config.documentSymbolPattern, ...request.body, groupId: g.id });
      return reply.code(201).send(doc);
    },
  );
}

