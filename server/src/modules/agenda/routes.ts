import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { guard } from '../../platform/http/policy.js';
import { agendaPolicy, kindsFor } from './policy.js';
import { gatherAgenda } from './gather.js';
import { AgendaOut } from './schemas.js';

/** "My PoA": what needs the signed-in person now. */
export function agendaRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  app.get(
    '/api/v1/me/agenda',
    {
      config: { policy: guard(agendaPolicy.read) },
      schema: { tags: ['agenda'], summary: 'What needs you now, nearest deadline first, each with its action (signed in)', response: { 200: AgendaOut } },
    },
    async (request, reply) => {
      // Each person's own list: never kept by a shared cache.
      reply.header('cache-control', 'private, no-store');
      return { items: await gatherAgenda(db, request.actor!), kinds: [...kindsFor(request.actor)] };
    },
  );
}
