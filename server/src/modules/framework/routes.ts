import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { etagOf, requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { badRequest } from '../../platform/http/problem.js';
import { sendCsv } from '../../platform/http/csv.js';
import { VersionedCache, VersionedMemo } from '../../platform/http/versioned-cache.js';
import { ELEMENT_KINDS, today } from './elements.js';
import { CalendarDate } from '../../kernel/calendar-date.js';
import { frameworkCan, frameworkPolicy } from './policy.js';
import { changesBetween, elementVersion, elementWithHistory, frameworkOn, listSourceDocuments, searchFramework } from './reading.js';
import { recordElementText, recordSourceDocument } from './record-element-text.js';
import { LANGUAGES, LanguageSchema } from '../../kernel/languages.js';

const Kinds = z
  .string()
  .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ELEMENT_KINDS)).max(ELEMENT_KINDS.length))
  .describe('Comma-separated kinds: ' + ELEMENT_KINDS.join(', '));
const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'an element code');

const Text = z.object({ title: z.string(), text: z.string(), status: z.enum(['verbatim', 'summary']) });
const Texts = z.object({ en: Text, ar: Text.optional(), zh: Text.optional(), fr: Text.optional(), ru: Text.optional(), es: Text.optional() });
const Version = z.object({
  code: z.string(),
  kind: z.enum(ELEMENT_KINDS),
  pillar: z.enum(['international-law', 'norms', 'cbms', 'capacity-building', 'threats']),
  grouping: z.string().nullable(),
  version: z.number().int(),
  change: z.enum(['added', 'amended', 'text-recorded', 'translation-recorded', 'superseded', 'retired']),
  effectiveOn: z.string(),
  recordedAt: z.date(),
  texts: Texts,
  display: Text.extend({ language: LanguageSchema, fallback: z.boolean().describe('true when the text is English because the language asked for has none') }),
  source: z.object({
    symbol: z.string(),
    title: z.string(),
    body: z.string(),
    date: z.string(),
    paragraph: z.string().nullable(),
    paragraphConfirmed: z.boolean(),
    alsoIn: z.array(z.string()),
    fragment: z.boolean(),
    citation: z.string(),
  }),
  supersededBy: z.string().nullable(),
  note: z.string().nullable(),
});
const SourceDocument = z.object({
  symbol: z.string(),
  title: z.string(),
  body: z.string(),
  date: z.string(),
  dateKind: z.enum(['adopted', 'issued']),
  endorsedBy: z.string().nullable(),
});

/** One element with its history, as `GET /api/v1/framework/elements/{code}` answers. */
const ElementWithHistory = z.object({
  code: z.string(),
  kind: z.enum(ELEMENT_KINDS),
  latest: Version,
  versions: z.array(Version),
  relations: z.array(
    z.object({
      direction: z.enum(['to', 'from']),
      kind: z.string(),
      code: z.string(),
      elementKind: z.enum(ELEMENT_KINDS),
      title: z.string(),
      language: LanguageSchema.describe('the language of `title`: the one asked for, or English when it has none yet'),
      sourceSymbol: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  can: z.object({ recordText: z.boolean() }),
});

export function frameworkRoutes(app: App, { database }: PlatformContext): void {
  const { db, versions } = database;
  const read = { policy: guard(frameworkPolicy.read) };
  // The framework changes only by new versions (append-only) and relations: public reads are cached
  // per request and checked against the framework's version (bumped by every write, heard by every
  // process), so a new version shows at once in every process.
  const cache = new VersionedCache();
  // An element with its history, the same for every caller but for its `can` block: kept per version.
  const elements = new VersionedMemo<Awaited<ReturnType<typeof elementWithHistory>>>();
  const tags = ['framework'];

  app.get(
    '/api/v1/framework/elements',
    {
      config: read,
      schema: {
        tags,
        summary: 'The framework as it stood on a date (today by default): the elements in force',
        querystring: z.object({
          asOf: CalendarDate.optional(),
          kind: Kinds.optional(),
          lang: LanguageSchema.default('en'),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ asOf: z.string(), items: z.array(Version), total: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const asOf = q.asOf ?? today();
      return cache.send(request, reply, `elements:${asOf}:${request.url}`, () => versions.of('framework'), async () => ({
        asOf,
        ...(await frameworkOn(db, { asOf, kinds: q.kind, language: q.lang, limit: q.limit, offset: q.offset })),
      }));
    },
  );

  app.get(
    '/api/v1/framework/elements/:code',
    {
      config: read,
      schema: {
        tags,
        summary: 'One element with its history (every version) and related elements',
        params: z.object({ code: Code }),
        querystring: z.object({ lang: LanguageSchema.default('en') }),
        response: { 200: ElementWithHistory },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { lang } = request.query;
      const element = await elements.get(`${code}:${lang}`, versions.of('framework'), () => elementWithHistory(db, code, lang));
      const can = canOf(frameworkCan.element, request.actor);
      // The public's answer is the same for all: kept serialized and compressed (as the route's schema
      // writes it), with the latest version as its ETag, as a signed-in reader's answer has it too.
      if (!request.actor) {
        return cache.send(request, reply, `element:${code}:${lang}`, () => versions.of('framework'), async () => z.encode(ElementWithHistory, { ...element, can }), {
          etag: etagOf(element.latest.version),
        });
      }
      setEtag(reply, element.latest.version);
      return { ...element, can };
    },
  );

  app.get(
    '/api/v1/framework/elements/:code/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One version of an element (a permalink)',
        params: z.object({ code: Code, version: z.coerce.number().int().min(1).max(1_000_000) }),
        querystring: z.object({ lang: LanguageSchema.default('en') }),
        response: { 200: Version },
      },
    },
    async (request) => elementVersion(db, request.params.code, request.params.version, request.query.lang),
  );

  app.post(
    '/api/v1/framework/elements/:code/versions',
    {
      config: { policy: guard(frameworkPolicy.record), idempotent: true },
      schema: {
        tags,
        summary: 'Record the confirmed official text, or a translation, as a new version (Secretariat; If-Match)',
        params: z.object({ code: Code }),
        body: z
          .object({
            language: LanguageSchema,
            title: z.string().trim().min(1).max(500),
            text: z.string().trim().min(1).max(20_000),
            status: z.enum(['verbatim', 'summary']),
            source: z
              .object({ symbol: z.string().trim().min(1).max(100), paragraph: z.string().trim().max(100).nullable(), paragraphConfirmed: z.boolean() })
              .optional(),
            note: z.string().trim().max(1000).optional(),
          })
          .strict(),
        response: { 201: z.object({ version: z.number().int(), change: z.string() }) },
      },
    },
    async (request, reply) => {
      const recorded = await recordElementText(db, { actor: request.actor!, code: request.params.code, ifMatch: requireIfMatch(request), ...request.body });
      setEtag(reply, recorded.version);
      return reply.code(201).send(recorded);
    },
  );

  app.get(
    '/api/v1/framework/changes',
    {
      config: read,
      schema: {
        tags,
        summary: 'What changed in the framework between two dates: elements added, changed, removed',
        querystring: z.object({ from: CalendarDate, to: CalendarDate.optional(), lang: LanguageSchema.default('en') }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(z.object({ code: z.string(), kind: z.enum(ELEMENT_KINDS), change: z.enum(['added', 'changed', 'removed']), from: Version.nullable(), to: Version.nullable() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const to = request.query.to ?? today();
      const from = request.query.from;
      if (from > to) throw badRequest('`from` must not be after `to`.', [{ field: 'query.from', message: 'after `to`' }]);
      return cache.send(request, reply, `changes:${from}:${to}:${request.query.lang}`, () => versions.of('framework'), async () => ({
        from,
        to,
        items: await changesBetween(db, from, to, request.query.lang),
      }));
    },
  );

  app.get(
    '/api/v1/framework/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'Full-text search in every language, ranked, with highlighted fragments',
        querystring: z.object({
          q: z.string().trim().min(1).max(200),
          asOf: CalendarDate.optional(),
          kind: Kinds.optional(),
          lang: LanguageSchema.default('en'),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            items: z.array(
              z.object({
                code: z.string(),
                kind: z.enum(ELEMENT_KINDS),
                version: z.number().int(),
                rank: z.number(),
                display: Version.shape.display,
                citation: z.string(),
                fragments: z.array(z.object({ language: LanguageSchema, field: z.enum(['title', 'text']), parts: z.array(z.object({ text: z.string(), match: z.boolean() })) })),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const asOf = q.asOf ?? today();
      return cache.send(request, reply, `search:${asOf}:${request.url}`, () => versions.of('framework'), async () => ({
        asOf,
        items: await searchFramework(db, { q: q.q, asOf, language: q.lang, kinds: q.kind, limit: q.limit }),
      }));
    },
  );

  app.get(
    '/api/v1/framework/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The framework as of a date, as JSON or CSV (UTF-8, one row per element, texts in every language)',
        querystring: z.object({ asOf: CalendarDate.optional(), format: z.enum(['json', 'csv']).default('json') }),
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? today();
      const { items } = await frameworkOn(db, { asOf, language: 'en', limit: 1_000_000, offset: 0 });
      const name = `poa-framework-${asOf}`;
      if (request.query.format === 'csv') {
        const header = ['code', 'kind', 'version', 'effective_on', 'source_symbol', 'source_paragraph', 'paragraph_confirmed', 'citation'];
        for (const l of LANGUAGES) header.push(`title_${l}`, `text_${l}`, `text_status_${l}`);
        const rows = items.map((v) => {
          const row: (string | number | boolean)[] = [v.code, v.kind, v.version, v.effectiveOn, v.source.symbol, v.source.paragraph ?? '', v.source.paragraphConfirmed, v.source.citation];
          for (const l of LANGUAGES) row.push(v.texts[l]?.title ?? '', v.texts[l]?.text ?? '', v.texts[l]?.status ?? '');
          return row;
        });
        return sendCsv(reply, name, [header, ...rows]);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      const sources = await listSourceDocuments(db);
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send({
        asOf,
        generatedAt: new Date().toISOString(),
        elements: items.map(({ display: _display, ...v }) => v),
        sourceDocuments: sources.map(({ recordedAt: _r, ...s }) => s),
      });
    },
  );

  app.get(
    '/api/v1/framework/sources',
    { config: read, schema: { tags, summary: 'Source documents of record', response: { 200: z.object({ items: z.array(SourceDocument) }) } } },
    async () => ({ items: (await listSourceDocuments(db)).map(({ recordedAt: _r, ...s }) => s) }),
  );

  app.post(
    '/api/v1/framework/sources',
    {
      config: { policy: guard(frameworkPolicy.record), idempotent: true },
      schema: {
        tags,
        summary: 'Record a source document (Secretariat)',
        body: z
          .object({
            symbol: z.string().trim().regex(/^[A-Z][A-Za-z0-9./()-]{1,60}$/, 'a UN document symbol, e.g. A/80/257'),
            title: z.string().trim().min(1).max(500),
            body: z.string().trim().min(1).max(200),
            date: CalendarDate,
            dateKind: z.enum(['adopted', 'issued']),
            endorsedBy: z.string().trim().max(60).optional(),
          })
          .strict(),
        response: { 201: SourceDocument.omit({ endorsedBy: true }).extend({ endorsedBy: z.string().optional() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await recordSourceDocument(db, { actor: request.actor!, ...request.body })),
  );
}
