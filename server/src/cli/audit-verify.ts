import { loadConfig } from '../platform/config.js';
import { openConfiguredDatabase } from '../platform/start.js';
import { describeRecord, verifyRecord } from '../record.js';

/**
 * npm run audit:verify: walks the audit chain and names the first broken link, and checks every adopted
 * outcome against the hash recorded at adoption. Exit code 1 when anything is broken.
 */
const database = await openConfiguredDatabase(loadConfig());
try {
  const report = await verifyRecord(database.db);
  console.log(describeRecord(report));
  process.exitCode = report.intact ? 0 : 1;
} finally {
  await database.close();
}
