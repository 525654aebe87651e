import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { notFound, preconditionFailed } from '../../platform/http/problem.js';
import type { SectionAnswer, Visibility } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { cycleSections } from './reading.js';
import { checkOnReport, reportFor } from './reports.js';
import { reportSectionEdits, reportSections } from './tables.js';

/**
 * Saves one section. Two people editing the same section never overwrite each other: the save names the
 * version it started from, and a stale one is refused with 412 and the other person's version.
 */
export async function saveSection(
  db: Db,
  input: { actor: Actor; reportId: string; key: string; ifMatch: number; answer: SectionAnswer; visibility: Visibility | null },
) {
  const report = await reportFor(db, input.reportId);
  checkOnReport(input.actor, reportingPolicy.draft, report.state);
  if (!(await cycleSections(db, report.cycleId)).some((s) => s.key === input.key)) throw notFound(`The section ${input.key}`);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(reportSections).where(and(eq(reportSections.reportId, report.id), eq(reportSections.key, input.key))).for('update');
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.ifMatch) {
      throw preconditionFailed('Someone saved this section after you opened it: here is their version.', {
        currentVersion,
        current: current ? { answer: current.answer, visibility: current.visibility, updatedBy: current.updatedBy, updatedAt: current.updatedAt } : null,
      });
    }
    const version = currentVersion + 1;
    const now = new Date();
    const row = { reportId: report.id, key: input.key, answer: input.answer, visibility: input.visibility, version, updatedBy: input.actor.accountId, updatedAt: now };
    if (current) await tx.update(reportSections).set(row).where(and(eq(reportSections.reportId, report.id), eq(reportSections.key, input.key)));
    else await tx.insert(reportSections).values(row);
    await tx.insert(reportSectionEdits).values({ reportId: report.id, key: input.key, version, answer: input.answer, visibility: input.visibility, editedBy: input.actor.accountId, editedAt: now });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'reporting.save-section',
      subjectType: 'national-report',
      subjectId: report.id,
      change: { key: input.key, version, answer: input.answer, visibility: input.visibility },
      details: { key: input.key, version },
    });
    return { version };
  });
}
