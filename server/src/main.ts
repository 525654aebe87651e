import { buildApp } from './app.js';
import { loadConfig } from './platform/config.js';
import { startPlatform } from './platform/start.js';

/** Starts the platform: config → database → migrations → reference data → HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const ctx = await startPlatform(config);
  const { app } = await buildApp(ctx, { serveWeb: true });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
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
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
