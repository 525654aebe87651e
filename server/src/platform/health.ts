import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from './http/server.js';
import type { Database } from './db/database.js';
import { guard, publicRead } from './http/policy.js';

/** GET /api/health: whether the process runs and the database answers. */
export function healthRoute(app: App, database: Database): void {
  app.get(
    '/api/health',
    {
      config: { policy: guard(publicRead) },
      schema: {
        tags: ['platform'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('up') }),
          503: z.object({ status: z.literal('degraded'), database: z.literal('down') }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await database.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: 'up' as const };
      } catch {
        return reply.code(503).send({ status: 'degraded' as const, database: 'down' as const });
      }
    },
  );
}
