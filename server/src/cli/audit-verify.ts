import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { openConfiguredDatabase } from '../platform/start.js';
import { loadAuditSigner, auditVerifier } from '../platform/audit/signing-key.js';
import { checkpointsFromPublishedCopy, listAuditCheckpoints, type CheckpointSource } from '../platform/audit/checkpoint.js';
import { describeRecord, verifyRecord } from '../record.js';

/**
 * npm run audit:verify [-- --checkpoints FILE …]: walks the audit chain and names the first broken
 * link; checks the chain against the database's signed checkpoints (under the platform's own key) and
 * against copies of /api/v1/audit/checkpoints kept elsewhere (under the key in each copy); checks every
 * adopted outcome against the hash recorded at adoption. Exit code 1 when anything is broken.
 */
let sources: CheckpointSource[];
try {
  const { values } = parseArgs({ options: { checkpoints: { type: 'string', multiple: true } }, strict: true });
  sources = (values.checkpoints ?? []).map((file) => checkpointsFromPublishedCopy(file, fs.readFileSync(file, 'utf8')));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run audit:verify [-- --checkpoints FILE …]`);
  process.exit(2);
}
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const stored = await listAuditCheckpoints(database.db);
  const signer = loadAuditSigner(config.auditKey, { create: false });
  if (signer) sources.unshift({ label: 'Checkpoints in the database', checkpoints: stored, trusted: [auditVerifier(signer.publicKeyPem)] });
  else if (stored.length > 0) console.log(`No signing key at ${'file' in config.auditKey ? config.auditKey.file : 'AUDIT_SIGNING_KEY'}: the database's ${stored.length} checkpoints cannot be checked.`);
  const report = await verifyRecord(database.db, sources);
  console.log(describeRecord(report));
  process.exitCode = report.intact && (signer || stored.length === 0) ? 0 : 1;
} finally {
  await database.close();
}
