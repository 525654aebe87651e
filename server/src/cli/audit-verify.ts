import { loadConfig } from '../platform/config.js';
import { openConfiguredDatabase } from '../platform/start.js';
import { describeChainReport, verifyAuditChain } from '../platform/audit/record.js';

/** npm run audit:verify: walks the audit chain and names the first broken link (exit code 1). */
const database = await openConfiguredDatabase(loadConfig());
try {
  const report = await verifyAuditChain(database.db);
  console.log(describeChainReport(report));
  process.exitCode = report.broken ? 1 : 0;
} finally {
  await database.close();
}
