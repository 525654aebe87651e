import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { startJobRunners } from './jobs.js';
import { scheduleDailyCheckpoints } from './platform/audit/daily-checkpoint.js';
import { scheduleDatabaseMaintenance } from './platform/db/maintenance.js';
import type { PlatformContext } from './platform/context.js';
import type { App } from './platform/http/server.js';
import { loadConfig } from './platform/config.js';
import { startPlatform } from './start.js';

/** Serves a started platform over HTTP until SIGINT or SIGTERM. */
export async function serve(ctx: PlatformContext): Promise<App> {
  const { config } = ctx;
  const { app } = await buildApp(ctx, { serveWeb: true });
  await scheduleDailyCheckpoints(ctx.database.db);
  await scheduleDatabaseMaintenance(ctx.database);
  const runner = startJobRunners(ctx, { onError: (err) => app.log.error({ err }, 'job runner') });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await runner.stop();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.publicUrl, database: ctx.database.kind, mail: ctx.mailer.describe },
    `PoA Platform at ${config.publicUrl} (${ctx.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return app;
}

/** Starts the platform: config → database → migrations → reference data → HTTP. */
async function main(): Promise<void> {
  await serve(await startPlatform(loadConfig()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
