import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createMailer } from './mail/mailer.js';
import type { PlatformContext } from './context.js';
import { loadAuditSigner } from './audit/signing-key.js';
import { answerCacheBudget } from './http/cache-budget.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in the data folder). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'db') });
}

/**
 * Config → database → migrations → mail: the platform's part of every start. The modules' reference
 * data comes after, from the server's entry (`src/start.ts`), since the platform knows no module.
 */
export async function openPlatform(config: Config = loadConfig()): Promise<PlatformContext> {
  answerCacheBudget.setLimit(config.cacheMaxBytes);
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  // A new platform makes its key at first start (in the data folder unless AUDIT_KEY_FILE says where).
  const auditSigner = loadAuditSigner(config.auditKey, { create: true })!;
  return { config, database, mailer, auditSigner };
}
