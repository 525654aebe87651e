import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { ACCREDITATIONS, APPLICATION_STATUSES } from './tables.js';
import { stakeholdersPolicy } from './policy.js';
import {
  Applied,
  ApplicationBody,
  ApplicationList,
  ApplicationOut,
  BatchBody,
  BatchList,
  BatchOut,
  ObjectionBody,
  OrganisationList,
  OrganisationOut,
  RepresentativeBody,
  SpeakingList,
  SpeakingRequestBody,
  SpeakingRequestOut,
  Tracking,
  WithdrawalBody,
  WrittenInputBody,
  WrittenInputList,
  WrittenInputOut,
} from './schemas.js';
import { submitApplication } from './submit-application.js';
import { giveInformation, requestInformation } from './request-information.js';
import { markComplete } from './mark-complete.js';
import { circulateBatch } from './circulate-batch.js';
import { objectToApplication } from './object-to-application.js';
import { withdrawAccreditation } from './withdraw-accreditation.js';
import { inviteRepresentative } from './invite-representative.js';
import { submitWrittenInput } from './submit-written-input.js';
import { requestToSpeak } from './request-to-speak.js';
import {
  listApplications,
  listBatches,
  listOrganisations,
  listSpeakingRequests,
  listWrittenInputs,
  readApplication,
  readBatch,
  readOrganisation,
  trackApplication,
  writtenInputPdf,
} from './reading.js';

const Id = z.string().uuid();
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a tracking token');

/** HTTP for accreditation and participation: guard, validate, call the use case. */
export function stakeholdersRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const tags = ['stakeholders'];
  const read = { policy: guard(stakeholdersPolicy.read) };
  const manage = { policy: guard(stakeholdersPolicy.manage) };
  const batchesRead = { policy: guard(stakeholdersPolicy.readBatches) };
  const represent = { policy: guard(stakeholdersPolicy.representAtAll) };

  // ---- applications ----
  app.post(
    '/api/v1/stakeholder-applications',
    { config: { policy: guard(stakeholdersPolicy.apply), idempotent: true }, schema: { tags, summary: 'Apply for accreditation (anyone); the private tracking link is shown once and emailed', body: ApplicationBody, response: { 201: Applied } } },
    async (request, reply) => reply.code(201).send(await submitApplication(ctx, { actor: request.actor, ...request.body })),
  );
  app.get(
    '/api/v1/stakeholder-applications/track/:token',
    { config: read, schema: { tags, summary: 'Follow an application with its private link', params: z.object({ token: Token }), response: { 200: Tracking } } },
    async (request) => trackApplication(db, request.params.token),
  );
  app.post(
    '/api/v1/stakeholder-applications/track/:token/information',
    {
      config: read,
      schema: { tags, summary: 'Answer the Secretariat’s request for more information', params: z.object({ token: Token }), body: z.object({ answer: z.string().trim().min(1).max(10_000) }).strict(), response: { 200: z.object({ status: z.enum(APPLICATION_STATUSES) }) } },
    },
    async (request) => giveInformation(ctx, { token: request.params.token, answer: request.body.answer }),
  );
  app.get(
    '/api/v1/stakeholder-applications',
    { config: batchesRead, schema: { tags, summary: 'Applications: all for the Secretariat; those circulated for a focal point', querystring: z.object({ status: z.enum(APPLICATION_STATUSES).optional() }), response: { 200: ApplicationList } } },
    async (request) => listApplications(db, request.actor, request.query.status),
  );
  app.get(
    '/api/v1/stakeholder-applications/:id',
    { config: batchesRead, schema: { tags, summary: 'An application (the contact details for the Secretariat only)', params: z.object({ id: Id }), response: { 200: ApplicationOut } } },
    async (request) => readApplication(db, request.params.id, request.actor),
  );
  app.post(
    '/api/v1/stakeholder-applications/:id/information-requests',
    {
      config: manage,
      schema: { tags, summary: 'Ask the applicant for more information (Secretariat)', params: z.object({ id: Id }), body: z.object({ question: z.string().trim().min(3).max(5000) }).strict(), response: { 200: z.object({ status: z.enum(APPLICATION_STATUSES) }) } },
    },
    async (request) => requestInformation(ctx, { actor: request.actor!, applicationId: request.params.id, question: request.body.question }),
  );
  app.post(
    '/api/v1/stakeholder-applications/:id/completeness',
    { config: manage, schema: { tags, summary: 'Find an application complete (Secretariat)', params: z.object({ id: Id }), response: { 200: z.object({ status: z.enum(APPLICATION_STATUSES) }) } } },
    async (request) => markComplete(db, { actor: request.actor!, applicationId: request.params.id }),
  );
  app.post(
    '/api/v1/stakeholder-applications/:id/objections',
    {
      config: { policy: guard(stakeholdersPolicy.objectAtAll) },
      schema: { tags, summary: 'Object to an application in its non-objection period, for your State (focal point)', params: z.object({ id: Id }), body: ObjectionBody, response: { 201: z.object({ id: z.string(), basis: z.string().nullable(), nameShared: z.boolean() }) } },
    },
    async (request, reply) => reply.code(201).send(await objectToApplication(db, { actor: request.actor!, applicationId: request.params.id, ...request.body })),
  );

  // ---- batches ----
  app.post(
    '/api/v1/stakeholder-batches',
    { config: { ...manage, idempotent: true }, schema: { tags, summary: 'Circulate complete applications to the States in a batch (Secretariat)', body: BatchBody, response: { 201: z.object({ id: z.string(), number: z.number().int(), periods: z.array(z.object({ applicationId: z.string(), endsAt: z.date(), endLocal: z.string() })) }) } } },
    async (request, reply) => reply.code(201).send(await circulateBatch(ctx, { actor: request.actor!, ...request.body })),
  );
  app.get('/api/v1/stakeholder-batches', { config: batchesRead, schema: { tags, summary: 'The batches circulated (Secretariat, focal points)', response: { 200: BatchList } } }, async () => listBatches(db));
  app.get(
    '/api/v1/stakeholder-batches/:id',
    { config: batchesRead, schema: { tags, summary: 'A batch and its applications (Secretariat, focal points)', params: z.object({ id: Id }), response: { 200: BatchOut } } },
    async (request) => readBatch(db, request.params.id, request.actor),
  );

  // ---- organisations ----
  app.get(
    '/api/v1/organisations',
    { config: read, schema: { tags, summary: 'The accredited organisations (public)', querystring: z.object({ accreditation: z.enum(ACCREDITATIONS).optional() }), response: { 200: OrganisationList } } },
    async (request) => listOrganisations(db, request.actor, request.query.accreditation),
  );
  app.get(
    '/api/v1/organisations/:id',
    { config: read, schema: { tags, summary: 'An organisation and the record of its accreditation', params: z.object({ id: Id }), response: { 200: OrganisationOut } } },
    async (request) => readOrganisation(db, request.params.id, request.actor),
  );
  app.post(
    '/api/v1/organisations/:id/withdrawal',
    { config: manage, schema: { tags, summary: 'Withdraw an accreditation by decision (Secretariat)', params: z.object({ id: Id }), body: WithdrawalBody, response: { 200: z.object({ accreditation: z.enum(ACCREDITATIONS) }) } } },
    async (request) => withdrawAccreditation(db, { actor: request.actor!, organisationId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/v1/organisations/:id/representatives',
    { config: represent, schema: { tags, summary: 'Invite another representative (the first representative)', params: z.object({ id: Id }), body: RepresentativeBody, response: { 201: z.object({ id: z.string(), email: z.string(), expiresAt: z.date().nullable().describe('When the invitation ends; null when an account the person had already now represents the organisation') }) } } },
    async (request, reply) => reply.code(201).send(await inviteRepresentative(ctx, { actor: request.actor!, organisationId: request.params.id, ...request.body })),
  );

  // ---- participation ----
  app.post(
    '/api/v1/organisations/:id/written-inputs',
    { config: { ...represent, idempotent: true }, schema: { tags, summary: 'Submit a written input to a meeting, an agenda item or a working group (published at once)', params: z.object({ id: Id }), body: WrittenInputBody, response: { 201: WrittenInputOut } } },
    async (request, reply) => reply.code(201).send(await submitWrittenInput(ctx, { actor: request.actor!, organisationId: request.params.id, ...request.body })),
  );
  app.get(
    '/api/v1/meetings/:id/stakeholder-inputs',
    { config: read, schema: { tags, summary: "The stakeholder section of a meeting's page: written inputs", params: z.object({ id: Id }), response: { 200: WrittenInputList } } },
    async (request) => listWrittenInputs(db, { meetingId: request.params.id }),
  );
  app.get(
    '/api/v1/groups/:id/stakeholder-inputs',
    { config: read, schema: { tags, summary: "The stakeholder section of a working group's page: written inputs", params: z.object({ id: Id }), response: { 200: WrittenInputList } } },
    async (request) => listWrittenInputs(db, { groupId: request.params.id }),
  );
  app.get(
    '/api/v1/stakeholder-inputs/:id/pdf',
    { config: read, schema: { tags, summary: 'The PDF of a written input', params: z.object({ id: Id }) } },
    async (request, reply) => {
      const file = await writtenInputPdf(db, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.name.replace(/[^\w. -]/g, '_')}"`)
        .send(file.bytes);
    },
  );
  app.post(
    '/api/v1/meetings/:id/speaking-requests/organisations/:organisationId',
    {
      config: represent,
      schema: { tags, summary: 'Ask to speak in the stakeholder segment, for your accredited organisation', params: z.object({ id: Id, organisationId: Id }), body: SpeakingRequestBody, response: { 201: SpeakingRequestOut } },
    },
    async (request, reply) => reply.code(201).send(await requestToSpeak(db, { actor: request.actor!, meetingId: request.params.id, organisationId: request.params.organisationId, ...request.body })),
  );
  app.get(
    '/api/v1/meetings/:id/speaking-requests',
    { config: read, schema: { tags, summary: 'The stakeholder segment: organisations that asked to speak', params: z.object({ id: Id }), response: { 200: SpeakingList } } },
    async (request) => listSpeakingRequests(db, request.params.id),
  );
}
