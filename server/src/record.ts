import type { Db } from './platform/db/database.js';
import { describeChainReport, verifyAuditChain, type ChainReport } from './platform/audit/record.js';
import { checkAgainstCheckpoints, type CheckpointProblem, type CheckpointSource } from './platform/audit/checkpoint.js';
import { brokenOutcomes } from './modules/decisions/index.js';

export interface RecordReport {
  chain: ChainReport;
  /** Each set of checkpoints checked (the database's own, and any copy kept outside), with what does not match. */
  checkpoints: { label: string; count: number; problems: CheckpointProblem[] }[];
  /** Adopted outcomes whose text no longer matches the hash recorded at adoption. */
  outcomes: { symbol: string; reason: string }[];
  intact: boolean;
}

/**
 * Verifies the official record: the audit chain link by link, the chain against signed checkpoints
 * (so a chain cut short or re-hashed after a checkpoint is found, even when it is consistent in
 * itself), and every adopted outcome against the content hash recorded on the chain at its adoption.
 */
export async function verifyRecord(db: Db, sources: readonly CheckpointSource[] = []): Promise<RecordReport> {
  const chain = await verifyAuditChain(db);
  const checkpoints = [];
  for (const source of sources) {
    checkpoints.push({ label: source.label, count: source.checkpoints.length, problems: await checkAgainstCheckpoints(db, source.checkpoints, source.trusted) });
  }
  const outcomes = await brokenOutcomes(db);
  return { chain, checkpoints, outcomes, intact: !chain.broken && outcomes.length === 0 && checkpoints.every((c) => c.problems.length === 0) };
}

export function describeRecord(report: RecordReport): string {
  const lines = [describeChainReport(report.chain)];
  for (const source of report.checkpoints) {
    if (source.problems.length === 0) lines.push(`${source.label}: the chain matches all ${source.count} signed checkpoints.`);
    for (const p of source.problems) lines.push(`${source.label}: checkpoint #${p.seq} of ${p.at} FAILS: ${p.reason}.`);
  }
  for (const o of report.outcomes) lines.push(`Outcome ${o.symbol} ALTERED: ${o.reason}.`);
  if (report.chain.broken === null && report.outcomes.length === 0) lines.push('Every adopted outcome matches the hash recorded at its adoption.');
  return lines.join('\n');
}
