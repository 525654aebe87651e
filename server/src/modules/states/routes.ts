import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { badRequest } from '../../platform/http/problem.js';
import { correctStateNames, getState, listRegionalGroups, listStates, type StateView } from './directory.js';
import { VersionedCache, VersionedMemo } from '../../platform/http/versioned-cache.js';
import { statesCan, statesPolicy } from './policy.js';
import { LANGUAGES } from '../../kernel/languages.js';
import { stateRecordRoutes } from './record-routes.js';
import type { StateRecordSources } from './state-record.js';

const GroupId = z.enum(['AG', 'APG', 'EEG', 'GRULAC', 'WEOG']);
const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code').transform((s) => s.toUpperCase());
const Names = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string()])) as Record<(typeof LANGUAGES)[number], z.ZodString>);
const State = z.object({
  iso3: z.string(),
  m49: z.string(),
  status: z.enum(['member', 'observer']),
  regionalGroup: GroupId.nullable(),
  names: Names,
});
const StateWithCan = State.extend({ can: z.object({ correctNames: z.boolean() }) });
const NameCorrection = z
  .object(
    Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().min(1).max(200).optional()])) as Record<
      (typeof LANGUAGES)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

export function statesRoutes(app: App, ctx: PlatformContext, record: StateRecordSources): void {
  const { db, versions } = ctx.database;
  const cache = new VersionedCache();
  // A State, the same for every caller but for its `can` block: kept while the States' version stands.
  const oneState = new VersionedMemo<StateView>(300);

  app.get(
    '/api/v1/states',
    {
      config: { policy: guard(statesPolicy.read) },
      schema: {
        tags: ['states'],
        summary: 'The 193 Member States and 2 observer States',
        querystring: z.object({
          group: GroupId.optional().describe('UN regional group'),
          q: z.string().trim().max(100).optional().describe('Part of a name in any of the six languages; case and accents ignored'),
        }),
        response: { 200: z.object({ items: z.array(State), total: z.number().int() }) },
      },
    },
    async (request, reply) =>
      cache.send(request, reply, `list:${request.query.group ?? ''}:${request.query.q ?? ''}`, () => versions.of('states'), async () => {
        const items = await listStates(db, request.query);
        return { items, total: items.length };
      }),
  );

  app.get(
    '/api/v1/states/:iso3',
    {
      config: { policy: guard(statesPolicy.read) },
      schema: { tags: ['states'], params: z.object({ iso3: Iso3 }), response: { 200: StateWithCan } },
    },
    async (request, reply) => {
      const { iso3 } = request.params;
      const state = await oneState.get(iso3, versions.of('states'), () => getState(db, iso3));
      setEtag(reply, state.version);
      return { ...(state as z.infer<typeof State>), can: canOf(statesCan.state, request.actor) };
    },
  );

  app.patch(
    '/api/v1/states/:iso3/names',
    {
      config: { policy: guard(statesPolicy.correctNames) },
      schema: {
        tags: ['states'],
        summary: "Correct a State's name in one or more languages (Secretariat)",
        params: z.object({ iso3: Iso3 }),
        headers: z.object({ 'if-match': z.string().optional() }),
        body: NameCorrection,
        response: { 200: StateWithCan },
      },
    },
    async (request, reply) => {
      if (Object.keys(request.body).length === 0) throw badRequest('Give at least one name to correct.');
      const state = await correctStateNames(db, {
        actor: request.actor!,
        iso3: request.params.iso3,
        names: request.body,
        ifMatch: requireIfMatch(request),
      });
      setEtag(reply, state.version);
      return { ...(state as z.infer<typeof State>), can: canOf(statesCan.state, request.actor) };
    },
  );

  app.get(
    '/api/v1/regional-groups',
    {
      config: { policy: guard(statesPolicy.read) },
      schema: {
        tags: ['states'],
        response: { 200: z.object({ items: z.array(z.object({ id: GroupId, name: z.string(), officialName: z.string() })) }) },
      },
    },
    async () => ({ items: (await listRegionalGroups(db)) as { id: z.infer<typeof GroupId>; name: string; officialName: string }[] }),
  );

  stateRecordRoutes(app, ctx, record);
}
