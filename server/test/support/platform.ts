import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { sendQueuedMail } from '../../src/platform/mail/queue.js';
import { runOneJob } from '../../src/platform/jobs/runner.js';
import { PASSWORD_RESET_JOB, passwordResetHandler } from '../../src/modules/accounts/index.js';
import { readOutbox, type OutboxMessage } from '../../src/testing/outbox.js';
import type { PlatformContext } from '../../src/platform/context.js';
import { loadAuditSigner } from '../../src/platform/audit/signing-key.js';
import type { App, RegisteredRoute } from '../../src/platform/http/server.js';
import { withDatabase } from './global-setup.js';

export interface TestPlatform {
  ctx: PlatformContext;
  /** On PostgreSQL, the address of this platform's database (a second process may open it). */
  databaseUrl?: string;
  app: App;
  routes: RegisteredRoute[];
  outboxDir: string;
  /**
   * Sends the mail queued so far (runs the due password-reset jobs, which queue mail, then the due
   * mail jobs, as the server's job runners would), then reads the outbox, oldest first.
   */
  outbox(): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

/** A clean database of this test file's own (PGlite by default, PostgreSQL with TEST_DATABASE_URL). */
export async function testDatabase(): Promise<{ database: Database; drop: () => Promise<void>; url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `poa_test_${inject('pgRun')}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
    return {
      database,
      url: withDatabase(url, name),
      drop: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const image = new Blob([fs.readFileSync(inject('pgliteImage'))]);
  const database = await openDatabase({ kind: 'pglite', image });
  return { database, drop: () => database.close() };
}

/** The whole platform on a clean database, with its mail written to a folder of its own (or to SMTP_URL when the test gives one). */
export async function testPlatform(env: Record<string, string> = {}, logger: false | NodeJS.WritableStream = false): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://poa.test', LOG_LEVEL: 'silent', SIGN_IN_RATE_PER_MINUTE: '10000', ...env });
  const { database, drop, url } = await testDatabase();
  const outboxDir = path.join(dataDir, 'outbox');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir });
  const ctx: PlatformContext = { config, database, mailer, auditSigner: loadAuditSigner(config.auditKey, { create: true })! };
  const { app, routes } = await buildApp(ctx, { logger });
  return {
    ctx,
    ...(url ? { databaseUrl: url } : {}),
    app,
    routes,
    outboxDir,
    outbox: async () => {
      while (await runOneJob(database.db, { [PASSWORD_RESET_JOB]: passwordResetHandler(ctx) }));
      await sendQueuedMail(database.db, mailer);
      return readOutbox(outboxDir);
    },
    close: async () => {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { readOutbox, tokenFromMail } from '../../src/testing/outbox.js';
