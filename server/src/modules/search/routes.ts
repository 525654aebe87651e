import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { withoutParallelWorkers } from '../../platform/db/database.js';
import { searchPolicy } from './policy.js';
import { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from './schemas.js';
import { searchEverything } from './search.js';
import type { SearchSource } from './source.js';

/** HTTP for the one search over everything. Answers depend on who asks: never shared by a cache. */
/** `sources`: each module's part of the search, with its visibility rule (app.ts hands them over; see source.ts). */
export function searchRoutes(app: App, ctx: PlatformContext, { sources }: { sources: readonly SearchSource[] }): void {
  const tags = ['search'];
  const read = { policy: guard(searchPolicy.read) };

  app.get(
    '/api/v1/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search everything the caller may see: ranked, with highlighted passages, counts by kind, filters by kind, language, date and State',
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (request, reply) => {
      const q = request.query;
      reply.header('cache-control', 'private, no-store');
      // The union of a dozen sources, planned with parallel workers, ran slower for them (withoutParallelWorkers).
      return withoutParallelWorkers(ctx.database, (db) => searchEverything(db, request.actor, {
        q: q.q,
        lang: q.lang,
        kinds: q.kind,
        language: q.language,
        from: q.from,
        to: q.to,
        state: q.state,
        limit: q.limit,
        offset: q.offset,
        facets: true,
      }, sources));
    },
  );

  app.get(
    '/api/v1/search/suggestions',
    { config: read, schema: { tags, summary: 'A few results for the header search box, as the caller types', querystring: SuggestQuery, response: { 200: SuggestResponse } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const { items } = await withoutParallelWorkers(ctx.database, (db) =>
        searchEverything(db, request.actor, { q: request.query.q, lang: request.query.lang, limit: request.query.limit, offset: 0, facets: false }, sources),
      );
      return { items };
    },
  );
}
