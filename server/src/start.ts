import type { PlatformContext } from './platform/context.js';
import type { Database } from './platform/db/database.js';
import { loadConfig, type Config } from './platform/config.js';
import { openPlatform } from './platform/start.js';
import { loadStateReference } from './modules/states/index.js';
import { loadFrameworkReference } from './modules/framework/index.js';

/** Config → database → migrations → reference data: what every entry point (server, CLI, demo) needs. */
export async function startPlatform(config: Config = loadConfig()): Promise<PlatformContext> {
  const ctx = await openPlatform(config);
  await loadReferenceData(ctx.database);
  return ctx;
}

/** The reference data every start loads, idempotently: States, then the framework. */
export async function loadReferenceData(database: Database): Promise<void> {
  await loadStateReference(database.db);
  await loadFrameworkReference(database.db);
}
