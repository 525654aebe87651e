import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { startPlatform } from '../platform/start.js';
import { buildApp } from '../app.js';
import { startJobRunners } from '../jobs.js';
import { seedDemo, type DemoAccount } from '../demo/seed-demo.js';
import { readOutbox } from './outbox.js';

export interface DemoServer {
  url: string;
  accounts: DemoAccount[];
  /** The mail the platform has sent so far (invitations, resets), oldest first; the mail job sends it a moment after the request. */
  outbox(): ReturnType<typeof readOutbox>;
  close(): Promise<void>;
}

/**
 * The real platform with the demo data, on a fresh embedded database in a temporary folder and a
 * free port: for end-to-end tests in a browser. Serves the built web app (build it first).
 */
export async function startDemoServer(options: { port?: number; env?: Record<string, string> } = {}): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    SIGN_IN_RATE_PER_MINUTE: '1000',
    ...options.env,
  });
  const ctx = await startPlatform(config);
  const accounts = await seedDemo(ctx);
  const { app } = await buildApp(ctx, { serveWeb: true, logger: false });
  const address = await app.listen({ port: config.port, host: config.host });
  const runner = startJobRunners(ctx);
  const outboxDir = path.join(dataDir, 'outbox');
  return {
    url: address,
    accounts,
    outbox: () => readOutbox(outboxDir),
    close: async () => {
      await runner.stop();
      await app.close();
      await ctx.database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
