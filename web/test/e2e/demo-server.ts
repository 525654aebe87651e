// The real platform for the browser tests: a fresh embedded database in E2E_DATA_DIR, the demo
// accounts (with known passwords and TOTP secrets), and the built web app, on E2E_PORT.
// Prints one line `E2E_READY {json}` when it listens. Run with `node --import tsx`.
import { loadConfig } from '../../../server/src/platform/config.js';
import { startPlatform } from '../../../server/src/platform/start.js';
import { serve } from '../../../server/src/main.js';
import { seedDemo } from '../../../server/src/demo/seed-demo.js';
import { openSession } from '../../../server/src/modules/accounts/index.js';

const dataDir = process.env.E2E_DATA_DIR;
const port = process.env.E2E_PORT;
if (!dataDir || !port) throw new Error('E2E_DATA_DIR and E2E_PORT are required');

const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  HOST: '127.0.0.1',
  DATABASE_URL: undefined,
  SMTP_URL: undefined,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  // The tests sign in many times from one address; the limit itself is tested through the API.
  SIGN_IN_RATE_PER_MINUTE: '1000',
});
const ctx = await startPlatform(config);
const seeded = await seedDemo(ctx);
// One session per demo account, opened as a sign-in opens it (the token for the session cookie and
// the CSRF token bound to it), so that tests not about signing in neither wait for a TOTP period nor
// hash a password. A test that signs a session out uses its own sign-in or its own account.
const rules = { idleMinutes: config.sessionIdleMinutes, maxDays: config.sessionMaxDays };
const accounts = [];
for (const account of seeded) {
  const session = await ctx.database.db.transaction((tx) => openSession(tx, account.accountId, 'browser tests', rules));
  accounts.push({ ...account, session: { token: session.token, csrf: session.csrf } });
}
await serve(ctx);
process.stdout.write(`E2E_READY ${JSON.stringify({ url: config.publicUrl, dataDir: config.dataDir, accounts })}\n`);
