import { loadConfig } from '../platform/config.js';
import { openConfiguredDatabase } from '../platform/start.js';

/** npm run db:migrate: applies the migrations not yet applied to the configured database. */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}).`);
} finally {
  await database.close();
}
