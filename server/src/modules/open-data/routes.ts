import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard, publicRead } from '../../platform/http/policy.js';
import { LanguageSchema, LocalizedOut } from '../../kernel/languages.js';
import { openDataCatalogue } from './catalogue.js';
import { feedOf } from './feeds.js';
import { FEED_KINDS } from './datasets.js';
import { outcomeInAkn } from './outcome-akn.js';

const Distribution = z.object({ format: z.enum(['JSON', 'CSV', 'Atom', 'iCalendar', 'Akoma Ntoso']), mediaType: z.string(), url: z.string() });
const Catalogue = z.object({
  publisher: z.string(),
  licence: z.string().describe('The URL of the licence the data is published under'),
  modified: z.date().nullable().describe('The newest change to any dataset'),
  datasets: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['framework', 'outcomes', 'reports', 'meetings', 'participants', 'documents', 'states']),
      title: LocalizedOut,
      description: LocalizedOut,
      about: z.object({ id: z.string(), title: LocalizedOut }).nullable().describe('The reporting cycle or meeting the dataset is about'),
      modified: z.date().nullable(),
      licence: z.string(),
      landingPage: z.string(),
      distributions: z.array(Distribution),
    }),
  ),
});

/** The public record as open data: the catalogue, Atom feeds, outcomes in Akoma Ntoso. All public. */
export function openDataRoutes(app: App, ctx: PlatformContext): void {
  const db = ctx.database.db;
  const read = { policy: guard(publicRead) };
  const tags = ['open data'];

  app.get(
    '/api/v1/open-data',
    { config: read, schema: { tags, summary: 'Every public dataset (DCAT-like): title and description in six languages, licence, last change, and its URL in each format', response: { 200: Catalogue } } },
    async () => openDataCatalogue(db, { publicUrl: ctx.config.publicUrl, licence: ctx.config.openDataLicence }),
  );

  for (const kind of FEED_KINDS) {
    app.get(
      `/api/v1/feeds/${kind}.atom`,
      {
        config: read,
        schema: {
          tags,
          summary: `An Atom feed (RFC 4287) of the newest ${kind}, in a language; a text not available in it comes in English, marked with xml:lang and a language-fallback category`,
          querystring: z.object({ lang: LanguageSchema.default('en') }),
        },
      },
      async (request, reply) =>
        reply.type('application/atom+xml; charset=utf-8').send(await feedOf(db, { kind, language: request.query.lang, publicUrl: ctx.config.publicUrl })),
    );
  }

  app.get(
    '/api/v1/outcomes/:id/akn',
    {
      config: read,
      schema: {
        tags,
        summary: 'An adopted outcome in Akoma Ntoso 3.0 XML, in a language it exists in (404 names the languages it exists in)',
        params: z.object({ id: z.string().uuid() }),
        querystring: z.object({ lang: LanguageSchema.default('en') }),
      },
    },
    async (request, reply) => {
      const xml = await outcomeInAkn(db, { id: request.params.id, language: request.query.lang, publicUrl: ctx.config.publicUrl });
      reply.header('content-disposition', `inline; filename="outcome-${request.params.id}-${request.query.lang}.akn.xml"`);
      return reply.type('application/akn+xml; charset=utf-8').send(xml);
    },
  );
}
