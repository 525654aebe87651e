import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { MEDIA_TYPE, FILE_FORMATS, type FileFormat } from './file-types.js';
import { issueDocument } from './issue-document.js';
import { documentsCan, documentsPolicy } from './policy.js';
import { documentById, documentBySymbol, documentFile, documentHistory, listDocuments, nextSymbol } from './reading.js';
import { CalendarDateSchema, DocumentSchema, IssueDocumentBody, LanguageSchema } from './schemas.js';
import { createFileStorage, type FileStorage } from './storage.js';
import { DOCUMENT_TYPES, SERIES } from './symbols.js';
import { acceptUploads, readUploadedFile } from './uploads.js';
import { uploadLanguageVersion } from './upload-version.js';

const Id = z.string().uuid('a document id');
const DocumentWithCan = DocumentSchema.extend({ can: z.object({ upload: z.boolean() }) });

/** Sends a stored file as a download, with its real media type. */
export async function sendStoredFile(reply: FastifyReply, storage: FileStorage, file: { storageKey: string; format: FileFormat; filename: string }, name: string) {
  const stream = await storage.open(file.storageKey);
  if (!stream) throw notFound('The file');
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  reply.header('cache-control', 'public, max-age=300');
  return reply.type(MEDIA_TYPE[file.format]).send(stream);
}

/** The name a downloaded file gets: its symbol and language. */
const downloadName = (symbol: string, language: string, format: FileFormat) => `${symbol.replace(/\//g, '_')}-${language}.${format}`;

export function documentsRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const storage = createFileStorage(ctx.config);
  const read = { policy: guard(documentsPolicy.read) };
  const tags = ['documents'];

  app.get(
    '/api/v1/documents',
    {
      config: read,
      schema: {
        tags,
        summary: 'Official documents, newest first; searchable by symbol and title in any language',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          type: z.enum(DOCUMENT_TYPES).optional(),
          meeting: z.string().uuid().optional(),
          group: z.string().uuid().optional(),
          year: z.coerce.number().int().min(1900).max(2200).optional().describe('The year of the date the document bears'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(DocumentSchema), total: z.number().int(), can: z.object({ issue: z.boolean() }) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const found = await listDocuments(db, { q: q.q, type: q.type, meetingId: q.meeting, groupId: q.group, year: q.year, limit: q.limit, offset: q.offset });
      return { ...found, can: canOf(documentsCan.list, request.actor) };
    },
  );

  app.get(
    '/api/v1/documents/settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'What an upload may be (formats, size limit) and the symbol pattern in force',
        response: { 200: z.object({ uploadLimitBytes: z.number().int(), formats: z.array(z.enum(FILE_FORMATS)), symbolPattern: z.string() }) },
      },
    },
    async () => ({ uploadLimitBytes: ctx.config.uploadLimitBytes, formats: [...FILE_FORMATS], symbolPattern: ctx.config.documentSymbolPattern }),
  );

  app.get(
    '/api/v1/documents/next-symbol',
    {
      config: { policy: guard(documentsPolicy.issue) },
      schema: {
        tags,
        summary: 'The symbol the next document of a type and date would get if issued now: a preview, not a reservation (Secretariat)',
        querystring: z.object({ type: z.enum(DOCUMENT_TYPES), date: CalendarDateSchema.optional() }),
        response: { 200: z.object({ symbol: z.string(), series: z.enum(SERIES) }) },
      },
    },
    async (request) => nextSymbol(db, ctx.config.documentSymbolPattern, request.query.type, request.query.date ?? new Date().toISOString().slice(0, 10)),
  );

  app.get(
    '/api/v1/documents/by-symbol',
    {
      config: read,
      schema: { tags, summary: 'A document by its symbol', querystring: z.object({ symbol: z.string().trim().min(2).max(80) }), response: { 200: DocumentWithCan } },
    },
    async (request) => {
      const doc = await documentBySymbol(db, request.query.symbol);
      if (!doc) throw notFound(`The document ${request.query.symbol}`);
      return { ...doc, can: canOf(documentsCan.document, request.actor) };
    },
  );

  app.get(
    '/api/v1/documents/:id',
    {
      config: read,
      schema: { tags, summary: 'A document, with the languages it exists in', params: z.object({ id: Id }), response: { 200: DocumentWithCan } },
    },
    async (request) => {
      const doc = await documentById(db, request.params.id);
      if (!doc) throw notFound('The document');
      return { ...doc, can: canOf(documentsCan.document, request.actor) };
    },
  );

  app.get(
    '/api/v1/documents/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every file ever issued for the document, per language and version',
        params: z.object({ id: Id }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                language: z.string(),
                version: z.number().int(),
                format: z.enum(FILE_FORMATS),
                size: z.number().int(),
                sha256: z.string(),
                filename: z.string(),
                uploadedAt: z.date(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      if (!(await documentById(db, request.params.id))) throw notFound('The document');
      return { items: await documentHistory(db, request.params.id) };
    },
  );

  app.post(
    '/api/v1/documents',
    {
      config: { policy: guard(documentsPolicy.issue), idempotent: true },
      schema: {
        tags,
        summary: 'Issue an official document that belongs to no meeting or group (Secretariat)',
        body: IssueDocumentBody,
        response: { 201: DocumentWithCan },
      },
    },
    async (request, reply) => {
      const doc = await issueDocument(db, { actor: request.actor!, symbolPattern: ctx.config.documentSymbolPattern, ...request.body });
      return reply.code(201).send({ ...doc, can: canOf(documentsCan.document, request.actor) });
    },
  );

  const FileParams = z.object({ id: Id, language: LanguageSchema });

  app.get(
    '/api/v1/documents/:id/files/:language',
    { config: read, schema: { tags, summary: "The latest file of the document's text in a language", params: FileParams } },
    async (request, reply) => {
      const found = await documentFile(db, request.params.id, request.params.language);
      if (!found) throw notFound(`The ${request.params.language} version of this document`);
      return sendStoredFile(reply, storage, found.file, downloadName(found.symbol, found.file.language, found.file.format));
    },
  );

  app.get(
    '/api/v1/documents/:id/files/:language/:version',
    {
      config: read,
      schema: { tags, summary: 'One version of the file of a language', params: FileParams.extend({ version: z.coerce.number().int().min(1).max(100_000) }) },
    },
    async (request, reply) => {
      const found = await documentFile(db, request.params.id, request.params.language, request.params.version);
      if (!found) throw notFound(`Version ${request.params.version} of the ${request.params.language} text`);
      return sendStoredFile(reply, storage, found.file, downloadName(found.symbol, found.file.language, found.file.format));
    },
  );

  // Uploads: multipart in a scope of its own.
  app.register(async (scope) => {
    await acceptUploads(scope, ctx.config.uploadLimitBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/documents/:id/files/:language',
      {
        config: { policy: guard(documentsPolicy.upload) },
        schema: {
          tags,
          summary: "Upload the document's text in a language: PDF, DOCX or ODT, checked by its bytes (Secretariat; multipart, part `file`)",
          params: FileParams,
          consumes: ['multipart/form-data'],
          response: {
            201: z.object({ language: LanguageSchema, version: z.number().int(), format: z.enum(FILE_FORMATS), size: z.number().int(), filename: z.string(), uploadedAt: z.date() }),
          },
        },
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, ctx.config.uploadLimitBytes);
        const uploaded = await uploadLanguageVersion(db, storage, { actor: request.actor!, documentId: request.params.id, language: request.params.language, ...file });
        return reply.code(201).send(uploaded);
      },
    );
  });
}
