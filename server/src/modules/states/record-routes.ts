import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import { LANGUAGES, LanguageSchema, LocalizedOut, type Localized } from '../../kernel/languages.js';
import { acceptUploads, createFileStorage, readUploadedFile, sendStoredFile, type UploadedFile } from '../documents/index.js';
import { addPublicationVersion } from './add-publication-version.js';
import { statesCan, statesPolicy } from './policy.js';
import { publicationFile, type NationalPublicationView } from './publications.js';
import { publishNationalPublication } from './publish-national-publication.js';
import { stateRecord, type StateRecordSources } from './state-record.js';
import { NATIONAL_PUBLICATION_KINDS } from './tables.js';
import { withdrawNationalPublication } from './withdraw-national-publication.js';

const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code').transform((s) => s.toUpperCase());
const Format = z.enum(['pdf', 'docx', 'odt']);
const Participant = z.object({ role: z.enum(['head', 'representative', 'adviser']), name: z.string(), title: z.string().nullable() });
const capacityItem = <S extends readonly [string, ...string[]]>(statuses: S) => z.object({ id: z.string(), title: LocalizedOut, status: z.enum(statuses), codes: z.array(z.string()), publishedAt: z.date() });
/** The statuses of needs and offers as the capacity module has them (withdrawn ones are never on the page). */
const NeedItem = capacityItem(['open', 'in-discussion', 'matched', 'met', 'withdrawn'] as const);
const OfferItem = capacityItem(['open', 'closed', 'withdrawn'] as const);

const Publication = z.object({
  id: z.string(),
  state: z.string(),
  kind: z.enum(NATIONAL_PUBLICATION_KINDS),
  title: LocalizedOut,
  publishedAt: z.date(),
  versions: z.array(z.object({ number: z.number().int(), language: z.string(), format: Format, size: z.number().int(), filename: z.string(), note: z.string().nullable(), uploadedAt: z.date(), url: z.string() })),
  can: z.object({ addVersion: z.boolean(), withdraw: z.boolean() }),
});

const StateRecord = z.object({
  iso3: z.string(),
  reports: z.array(
    z.object({ reportId: z.string(), cycleId: z.string(), cycleTitle: z.string(), periodStart: z.string(), periodEnd: z.string(), number: z.number().int(), submittedAt: z.date(), publicSections: z.number().int() }),
  ),
  statements: z.array(
    z.object({
      id: z.string(),
      meetingId: z.string(),
      meetingTitle: LocalizedOut,
      meetingStartsAt: z.date(),
      agendaItem: z.object({ key: z.string(), number: z.string().nullable(), title: LocalizedOut.nullable() }),
      language: z.string(),
      title: z.string().nullable(),
      hasFile: z.boolean(),
      submittedAt: z.date(),
    }),
  ),
  amendments: z.array(
    z.object({
      id: z.string(),
      draftId: z.string(),
      draftTitle: z.string(),
      draftStatus: z.enum(['negotiating', 'adopted', 'withdrawn']),
      revision: z.number().int(),
      action: z.enum(['add', 'delete', 'replace']),
      status: z.enum(['proposed', 'withdrawn']),
      role: z.enum(['proposer', 'co-sponsor']),
      at: z.date(),
    }),
  ),
  groups: z.array(z.object({ id: z.string(), name: LocalizedOut, status: z.enum(['active', 'closed']), joinedAt: z.date() })),
  delegations: z.array(z.object({ meetingId: z.string(), meetingTitle: LocalizedOut, startsAt: z.date(), endsAt: z.date(), timeZone: z.string(), participants: z.array(Participant) })),
  capacity: z.object({ needs: z.array(NeedItem), offers: z.array(OfferItem) }),
  publications: z.array(Publication),
  can: z.object({ publish: z.boolean() }),
});

/** The form's fields sent with a publication's first file: its kind, its title in up to six languages, the file's language. */
const PublishFields = z
  .object({
    kind: z.enum(NATIONAL_PUBLICATION_KINDS),
    language: LanguageSchema,
    note: z.string().trim().max(500).optional(),
    ...Object.fromEntries(LANGUAGES.map((l) => [`title.${l}`, l === 'en' ? z.string().trim().min(1).max(500) : z.string().trim().max(500).optional()])),
  })
  .strict();
/** The form's fields sent with a new version's file. */
const VersionFields = z.object({ language: LanguageSchema, note: z.string().trim().max(500).optional() }).strict();

/** Parses the text fields of a multipart form; a field that fails names itself, as a JSON body's would. */
function fieldsOf<T extends z.ZodTypeAny>(schema: T, upload: UploadedFile): z.infer<T> {
  const parsed = schema.safeParse(upload.fields);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ field: `body.${i.path.length ? i.path.join('.') : ((i as { keys?: string[] }).keys ?? []).join(',')}`, message: i.message }));
  throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

const titleOf = (fields: Record<string, string | undefined>): Localized => {
  const title: Localized = { en: fields['title.en']! };
  for (const l of LANGUAGES) if (l !== 'en' && fields[`title.${l}`]) title[l] = fields[`title.${l}`];
  return title;
};

/** A State's page (`/states/{iso3}/record`) and the national publications its focal point publishes. */
export function stateRecordRoutes(app: App, ctx: PlatformContext, sources: StateRecordSources): void {
  const { db } = ctx.database;
  const storage = createFileStorage(ctx.config);
  const tags = ['states'];
  const withCan = (p: NationalPublicationView, actor: Parameters<typeof canOf>[1]) => ({ ...p, can: canOf(statesCan.publication, actor, p) });

  app.get(
    '/api/v1/states/:iso3/record',
    {
      config: { policy: guard(statesPolicy.read) },
      schema: {
        tags,
        summary:
          "A State's page: its public reports, statements at meetings whose statements are published, amendments and co-sponsorships, working groups, delegations to coming meetings whose lists are published, public capacity-building needs and offers, and its national publications. The same for everyone: only what the public may see.",
        params: z.object({ iso3: Iso3 }),
        response: { 200: StateRecord },
      },
    },
    async (request, reply) => {
      const record = await stateRecord(db, sources, request.params.iso3);
      reply.header('cache-control', 'private, no-store');
      return { ...record, publications: record.publications.map((p) => withCan(p, request.actor)), can: canOf(statesCan.record, request.actor, { iso3: record.iso3 }) };
    },
  );

  const PublicationParams = z.object({ iso3: Iso3, id: z.string().uuid('a publication id') });

  app.get(
    '/api/v1/states/:iso3/publications/:id/versions/:number/file',
    {
      config: { policy: guard(statesPolicy.read) },
      schema: { tags, summary: 'One version of the file of a national publication', params: PublicationParams.extend({ number: z.coerce.number().int().min(1).max(100_000) }) },
    },
    async (request, reply) => {
      const { iso3, id, number } = request.params;
      const file = await publicationFile(db, iso3, id, number);
      return sendStoredFile(reply, storage, file, file.filename);
    },
  );

  app.post(
    '/api/v1/states/:iso3/publications/:id/withdraw',
    {
      config: { policy: guard(statesPolicy.publishNational, (request) => (request.params as { iso3: string }).iso3.toUpperCase()) },
      schema: { tags, summary: 'Withdraw a national publication: it leaves the State’s page (the State’s focal point)', params: PublicationParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await withdrawNationalPublication(db, { actor: request.actor!, state: request.params.iso3, publicationId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  // Uploads: multipart in a scope of its own, as the documents module does.
  app.register(async (scope) => {
    await acceptUploads(scope, ctx.config.uploadLimitBytes);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/api/v1/states/:iso3/publications',
      {
        config: { policy: guard(statesPolicy.publishNational, (request) => (request.params as { iso3: string }).iso3.toUpperCase()) },
        schema: {
          tags,
          summary:
            'Publish a national publication (position on international law, national strategy): fields `kind`, `language` (of the file), `title.en` (and `title.ar` … `title.es`), `note`, then the file (PDF, DOCX or ODT, checked by its bytes) in a part named `file` (the State’s focal point)',
          params: z.object({ iso3: Iso3 }),
          consumes: ['multipart/form-data'],
          response: { 201: Publication },
        },
      },
      async (request, reply) => {
        const upload = await readUploadedFile(request, ctx.config.uploadLimitBytes);
        const fields = fieldsOf(PublishFields, upload) as z.infer<typeof PublishFields> & Record<string, string | undefined>;
        const published = await publishNationalPublication(db, storage, {
          actor: request.actor!,
          state: request.params.iso3,
          kind: fields.kind,
          title: titleOf(fields),
          language: fields.language,
          note: fields.note || undefined,
          file: upload,
        });
        return reply.code(201).send(withCan(published, request.actor));
      },
    );
    typed.post(
      '/api/v1/states/:iso3/publications/:id/versions',
      {
        config: { policy: guard(statesPolicy.publishNational, (request) => (request.params as { iso3: string }).iso3.toUpperCase()) },
        schema: {
          tags,
          summary: 'Add a new version of a national publication: fields `language`, `note`, then the file in a part named `file`; earlier versions are kept (the State’s focal point)',
          params: PublicationParams,
          consumes: ['multipart/form-data'],
          response: { 201: Publication },
        },
      },
      async (request, reply) => {
        const upload = await readUploadedFile(request, ctx.config.uploadLimitBytes);
        const fields = fieldsOf(VersionFields, upload);
        const updated = await addPublicationVersion(db, storage, {
          actor: request.actor!,
          state: request.params.iso3,
          publicationId: request.params.id,
          language: fields.language,
          note: fields.note || undefined,
          file: upload,
        });
        return reply.code(201).send(withCan(updated, request.actor));
      },
    );
  });
}
