import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { startPlatform } from '../start.js';
import { serve } from '../main.js';
import { seedDemo } from './seed-demo.js';

/**
 * npm run demo: a fresh embedded database in its own folder (data-demo), filled with demo data,
 * then the platform. Prints every demo account with its password and TOTP secret.
 */
const dataDir = path.resolve(process.env.DEMO_DATA_DIR ?? 'data-demo');
fs.rmSync(dataDir, { recursive: true, force: true });
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined });
const ctx = await startPlatform(config);
const accounts = await seedDemo(ctx);
await serve(ctx);

const rows = accounts.map((a) => ({
  role: a.role,
  for: a.state ?? a.organisation ?? '',
  email: a.email,
  password: a.password,
  'TOTP secret': a.totpSecret ?? '(none)',
}));
console.log(`\nPoA Platform demo at ${config.publicUrl}  (data in ${dataDir}; mail in ${path.join(dataDir, 'outbox')})\n`);
console.table(rows);
console.log('\nAccounts with a TOTP secret sign in with a code: add the secret to an authenticator app (or `oathtool --totp -b SECRET`).\n');
