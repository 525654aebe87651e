import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard, publicRead } from '../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { contactsPolicy } from './policy.js';
import {
  Acknowledged,
  AnswerBody,
  ChangeBody,
  Changed,
  CheckDetail,
  CheckList,
  CheckScheduled,
  Directory,
  History,
  Iso3,
  MessageAdded,
  NominateBody,
  Nominated,
  PocOut,
  Reads,
  ScheduleCheckBody,
  StartThreadBody,
  ThreadDetail,
  ThreadList,
  ThreadStarted,
  WithdrawBody,
} from './schemas.js';
import { POC_ROLES } from './tables.js';
import { listDirectory, pocHistory, readPoc, readsOf, transmissionFile } from './reading.js';
import { nominatePoc } from './nominate-poc.js';
import { changePoc } from './change-poc.js';
import { withdrawPoc } from './withdraw-poc.js';
import { scheduleCheck } from './schedule-check.js';
import { acknowledgeCheck } from './acknowledge-check.js';
import { checkDetail, listChecks } from './check-results.js';
import { startThread } from './start-thread.js';
import { readThread, listThreads } from './threads.js';
import { answerThread } from './answer-thread.js';

const Id = z.string().uuid();

/**
 * HTTP for the directory of points of contact. Every route but the acknowledgement link is closed at
 * the guard to all but the Secretariat, focal points and POCs; the use cases then decide on the
 * caller's standing (reciprocity), read afresh on every request.
 */
export function contactsRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['contacts'];
  const directory = { policy: guard(contactsPolicy.directoryRoutes) };

  app.get(
    '/api/v1/contacts/pocs',
    {
      config: directory,
      schema: { tags, summary: 'The directory: current points of contact (each read is logged)', querystring: z.object({ state: Iso3.optional(), role: z.enum(POC_ROLES).optional() }).strict(), response: { 200: Directory } },
    },
    async (request) => listDirectory(db, request.actor, request.query),
  );

  app.post(
    '/api/v1/contacts/pocs',
    { config: { policy: guard(contactsPolicy.nominateSomething) }, schema: { tags, summary: "Nominate a point of contact of one's own State (focal point; fresh TOTP code)", body: NominateBody, response: { 201: Nominated } } },
    async (request, reply) => {
      const { otp, invite, transmission, ...nomination } = request.body;
      return reply.code(201).send(await nominatePoc(ctx, { actor: request.actor!, otp, invite, nomination, transmission }));
    },
  );

  app.get(
    '/api/v1/contacts/pocs/:id',
    { config: directory, schema: { tags, summary: 'One current point of contact (the read is logged)', params: z.object({ id: Id }), response: { 200: PocOut } } },
    async (request, reply) => {
      const poc = await readPoc(db, request.actor, request.params.id);
      setEtag(reply, poc.version);
      return poc;
    },
  );

  app.put(
    '/api/v1/contacts/pocs/:id',
    {
      config: { policy: guard(contactsPolicy.nominateSomething) },
      schema: { tags, summary: 'Change a nomination (focal point; If-Match: its version; fresh TOTP code)', params: z.object({ id: Id }), body: ChangeBody, response: { 200: Changed } },
    },
    async (request) => {
      const { otp, transmission, ...nomination } = request.body;
      return changePoc(ctx, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), otp, nomination, transmission });
    },
  );

  app.get(
    '/api/v1/contacts/pocs/:id/versions/:version/transmission',
    {
      config: directory,
      schema: {
        tags,
        summary: "The official transmission (PDF) of a nomination's version: the one that stands to every reader of the directory, every one to its State's side and the Secretariat (the read is logged)",
        params: z.object({ id: Id, version: z.coerce.number().int().min(1).max(1_000_000) }),
      },
    },
    async (request, reply) => {
      const file = await transmissionFile(db, request.actor, request.params.id, request.params.version);
      const ascii = file.filename.replace(/[^A-Za-z0-9._-]+/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.post(
    '/api/v1/contacts/pocs/:id/withdrawal',
    {
      config: { policy: guard(contactsPolicy.nominateSomething) },
      schema: { tags, summary: 'Withdraw a nomination (focal point; If-Match: its version; fresh TOTP code)', params: z.object({ id: Id }), body: WithdrawBody, response: { 200: Changed } },
    },
    async (request) => withdrawPoc(ctx, { actor: request.actor!, id: request.params.id, ifMatch: requireIfMatch(request), ...request.body }),
  );

  app.get(
    '/api/v1/contacts/pocs/:id/history',
    { config: directory, schema: { tags, summary: "Every version of a nomination (its State's side and the Secretariat)", params: z.object({ id: Id }), response: { 200: History } } },
    async (request) => pocHistory(db, request.actor, request.params.id),
  );

  app.get(
    '/api/v1/contacts/reads',
    {
      config: directory,
      schema: { tags, summary: "Who read the caller's State's entries, and when (the Secretariat may name a State)", querystring: z.object({ state: Iso3.optional() }).strict(), response: { 200: Reads } },
    },
    async (request) => readsOf(db, request.actor, request.query.state),
  );

  // ---- reachability checks ----

  app.post(
    '/api/v1/contacts/checks',
    { config: { policy: guard(contactsPolicy.scheduleCheck) }, schema: { tags, summary: 'Schedule a reachability check (Secretariat)', body: ScheduleCheckBody, response: { 201: CheckScheduled } } },
    async (request, reply) => reply.code(201).send(await scheduleCheck(ctx, { actor: request.actor!, ...request.body })),
  );

  app.get(
    '/api/v1/contacts/checks',
    { config: directory, schema: { tags, summary: "Reachability checks and their results (a State: its own POCs')", response: { 200: CheckList } } },
    async (request) => listChecks(db, request.actor),
  );

  app.get(
    '/api/v1/contacts/checks/:id',
    { config: directory, schema: { tags, summary: 'Results of one check: per POC, per State, per regional group', params: z.object({ id: Id }), response: { 200: CheckDetail } } },
    async (request) => checkDetail(db, request.actor, request.params.id),
  );

  app.post(
    '/api/v1/contact-acknowledgements/:token',
    {
      config: { policy: guard(publicRead) },
      schema: {
        tags,
        summary: 'Acknowledge a reachability check by the link of its email (no sign-in; works once)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'the token of the link') }),
        response: { 200: Acknowledged },
      },
    },
    async (request) => acknowledgeCheck(db, request.params.token),
  );

  // ---- messages between States ----

  app.get(
    '/api/v1/contacts/threads',
    { config: directory, schema: { tags, summary: "The exchanges of the caller's State", response: { 200: ThreadList } } },
    async (request) => listThreads(db, request.actor),
  );

  app.post(
    '/api/v1/contacts/threads',
    { config: { ...directory, idempotent: true }, schema: { tags, summary: "Write to another State's points of contact (template message)", body: StartThreadBody, response: { 201: ThreadStarted } } },
    async (request, reply) => reply.code(201).send(await startThread(ctx, { actor: request.actor!, ...request.body })),
  );

  app.get(
    '/api/v1/contacts/threads/:id',
    { config: directory, schema: { tags, summary: 'An exchange, with its messages (opening it marks them read)', params: z.object({ id: Id }), response: { 200: ThreadDetail } } },
    async (request) => readThread(db, request.actor, request.params.id),
  );

  app.post(
    '/api/v1/contacts/threads/:id/messages',
    { config: { ...directory, idempotent: true }, schema: { tags, summary: 'Add a message: acknowledgement, reply, closure …', params: z.object({ id: Id }), body: AnswerBody, response: { 201: MessageAdded } } },
    async (request, reply) => reply.code(201).send(await answerThread(ctx, { actor: request.actor!, threadId: request.params.id, ...request.body })),
  );
}
