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
  const where = and(eq(reportSections.reportId, report.id), eq(reportSections.key, input.key));
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(reportSections).where(where).for('update');
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.ifMatch) throw staleSave(current);
    const version = currentVersion + 1;
    const now = new Date();
    const row = { reportId: report.id, key: input.key, answer: input.answer, visibility: input.visibility, version, updatedBy: input.actor.accountId, updatedAt: now };
    if (current) await tx.update(reportSections).set(row).where(where);
    else {
      // A first save has no row to lock: two at once both find none. The insert waits for the other
      // one's transaction; when that one committed first, this save is as stale as if it came after.
      const inserted = await tx.insert(reportSections).values(row).onConflictDoNothing().returning({ version: reportSections.version });
      if (inserted.length === 0) throw staleSave((await tx.select().from(reportSections).where(where))[0]);
    }
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

/** 412 with the version saved by the other person, as they saved it. */
function staleSave(current: typeof reportSections.$inferSelect | undefined) {
  return preconditionFailed('Someone saved this section after you opened it: here is their version.', {
    currentVersion: current?.version ?? 0,
    current: current ? { answer: current.answer, visibility: current.visibility, updatedBy: current.updatedBy, updatedAt: current.updatedAt } : null,
  });
}
