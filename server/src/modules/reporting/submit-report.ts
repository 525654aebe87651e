import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { digestOf } from '../../platform/audit/canonical.js';
import type { Actor } from '../../kernel/actor.js';
import { effectiveVisibility } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { checkOnReport, reportFor } from './reports.js';
import { nationalReports, reportSections, reportSubmissions, type SubmittedSection } from './tables.js';

/**
 * Only the focal point submits: the report is frozen as a new version with its receipt (time, content
 * hash). A corrected version is another submission; all stay.
 */
export async function submitReport(db: Db, input: { actor: Actor; reportId: string }) {
  const report = await reportFor(db, input.reportId);
  checkOnReport(input.actor, reportingPolicy.submit, report.state);
  return db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(nationalReports).where(eq(nationalReports.id, report.id)).for('update');
    const rows = await tx.select().from(reportSections).where(eq(reportSections.reportId, report.id)).orderBy(reportSections.key);
    const sections: SubmittedSection[] = rows.map((r) => ({ key: r.key, answer: r.answer, visibility: effectiveVisibility(fresh!.visibility, r.visibility) }));
    const [last] = await tx.select({ number: reportSubmissions.number }).from(reportSubmissions).where(eq(reportSubmissions.reportId, report.id)).orderBy(desc(reportSubmissions.number)).limit(1);
    const number = (last?.number ?? 0) + 1;
    const submittedAt = new Date();
    const contentHash = digestOf({ state: report.state, cycleId: report.cycleId, visibility: fresh!.visibility, sections });
    const id = randomUUID();
    await tx.insert(reportSubmissions).values({ id, reportId: report.id, cycleId: report.cycleId, state: report.state, number, visibility: fresh!.visibility, sections, contentHash, submittedBy: input.actor.accountId, submittedAt });
    await recordAudit(tx, { actor: input.actor, action: 'reporting.submit', subjectType: 'national-report', subjectId: report.id, change: { number, contentHash, submittedAt } });
    return { id, number, submittedAt, contentHash };
  });
}
