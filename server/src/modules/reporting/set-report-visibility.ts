import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import type { Visibility } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { checkOnReport, reportFor } from './reports.js';
import { nationalReports } from './tables.js';

/** The focal point chooses who may read the report. */
export async function setReportVisibility(db: Db, input: { actor: Actor; reportId: string; visibility: Visibility }) {
  const report = await reportFor(db, input.reportId);
  checkOnReport(input.actor, reportingPolicy.submit, report.state);
  await db.transaction(async (tx) => {
    await tx.update(nationalReports).set({ visibility: input.visibility, version: report.version + 1 }).where(eq(nationalReports.id, report.id));
    await recordAudit(tx, { actor: input.actor, action: 'reporting.set-visibility', subjectType: 'national-report', subjectId: report.id, change: { from: report.visibility, to: input.visibility } });
  });
}
