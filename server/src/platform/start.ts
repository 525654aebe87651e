import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createMailer } from './mail/mailer.js';
import type { PlatformContext } from './context.js';
import { loadAuditSigner } from './audit/signing-key.js';
import { loadStateReference } from '../modules/states/index.js';
import { loadFrameworkReference } from '../modules/framework/index.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in the data folder). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'db') });
}

/** Config → database → migrations → reference data: what every entry point (server, CLI, demo) needs. */
export async function startPlatform(config: Config = loadConfig()): Promise<PlatformContext> {
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  await loadReferenceData(database);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  // A new platform makes its key at first start (in the data folder unless AUDIT_KEY_FILE says where).
  const auditSigner = loadAuditSigner(config.auditKey, { create: true })!;
  return { config, database, mailer, auditSigner };
}

/** The reference data every start loads, idempotently: States, then the framework. */
export async function loadReferenceData(database: Database): Promise<void> {
  await loadStateReference(database.db);
  await loadFrameworkReference(database.db);
}
