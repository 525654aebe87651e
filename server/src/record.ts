import type { Db } from './platform/db/database.js';
import { describeChainReport, verifyAuditChain, type ChainReport } from './platform/audit/record.js';
import { brokenOutcomes } from './modules/decisions/index.js';

export interface RecordReport {
  chain: ChainReport;
  /** Adopted outcomes whose text no longer matches the hash recorded at adoption. */
  outcomes: { symbol: string; reason: string }[];
  intact: boolean;
}

/**
 * Verifies the official record: the audit chain link by link, and every adopted outcome against the
 * content hash recorded on the chain when it was adopted.
 */
export async function verifyRecord(db: Db): Promise<RecordReport> {
  const chain = await verifyAuditChain(db);
  const outcomes = await brokenOutcomes(db);
  return { chain, outcomes, intact: !chain.broken && outcomes.length === 0 };
}

export function describeRecord(report: RecordReport): string {
  const lines = [describeChainReport(report.chain)];
  for (const o of report.outcomes) lines.push(`Outcome ${o.symbol} ALTERED: ${o.reason}.`);
  if (report.chain.broken === null && report.outcomes.length === 0) lines.push('Every adopted outcome matches the hash recorded at its adoption.');
  return lines.join('\n');
}
