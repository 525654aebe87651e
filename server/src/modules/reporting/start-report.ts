import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Visibility } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { cycleSections } from './reading.js';
import { nationalReports, reportingCycles, reportSectionEdits, reportSections, reportSubmissions, type SubmittedSection } from './tables.js';

/**
 * A focal point or delegate starts the State's report for a cycle, empty or from the State's previous
 * submitted report, section by section for the sections the new questionnaire still has.
 */
export async function startReport(db: Db, input: { actor: Actor; cycleId: string; fromPrevious: boolean; visibility: Visibility }) {
  authorize(input.actor, reportingPolicy.draftSomething, undefined);
  const state = input.actor.state!;
  const [cycle] = await db.select({ id: reportingCycles.id, createdAt: reportingCycles.createdAt }).from(reportingCycles).where(eq(reportingCycles.id, input.cycleId));
  if (!cycle) throw notFound('The reporting cycle');
  const keys = new Set((await cycleSections(db, cycle.id)).map((s) => s.key));
  const ofState = and(eq(nationalReports.cycleId, cycle.id), eq(nationalReports.state, state));
  const exists = (id: string) => conflict(`Your State already has a report in this cycle (${id}).`, 'report-exists');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: nationalReports.id }).from(nationalReports).where(ofState);
    if (existing) throw exists(existing.id);
    let previous: { id: string; sections: SubmittedSection[]; reportId: string } | undefined;
    if (input.fromPrevious) {
      [previous] = await tx
        .select({ id: reportSubmissions.id, sections: reportSubmissions.sections, reportId: reportSubmissions.reportId })
        .from(reportSubmissions)
        .innerJoin(reportingCycles, eq(reportingCycles.id, reportSubmissions.cycleId))
        .where(and(eq(reportSubmissions.state, state), ne(reportSubmissions.cycleId, cycle.id), lt(reportingCycles.createdAt, cycle.createdAt)))
        .orderBy(desc(reportingCycles.createdAt), desc(reportSubmissions.number))
        .limit(1);
      if (!previous) throw conflict('Your State has no earlier submitted report to start from.', 'no-previous-report');
    }
    const id = randomUUID();
    const now = new Date();
    const inserted = await tx
      .insert(nationalReports)
      .values({ id, cycleId: cycle.id, state, visibility: input.visibility, basedOn: previous?.reportId ?? null, createdBy: input.actor.accountId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: nationalReports.id });
    // Started by someone else of the State at the same moment (their transaction committed first).
    if (inserted.length === 0) throw exists((await tx.select({ id: nationalReports.id }).from(nationalReports).where(ofState))[0]!.id);
    const carried = (previous?.sections ?? []).filter((s) => keys.has(s.key));
    for (const s of carried) {
      const row = { reportId: id, key: s.key, answer: s.answer, visibility: s.visibility === input.visibility ? null : s.visibility, version: 1, updatedBy: input.actor.accountId, updatedAt: now };
      await tx.insert(reportSections).values(row);
      await tx.insert(reportSectionEdits).values({ reportId: id, key: s.key, version: 1, answer: s.answer, visibility: row.visibility, editedBy: input.actor.accountId, editedAt: now });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'reporting.start-report',
      subjectType: 'national-report',
      subjectId: id,
      change: { cycleId: cycle.id, state, visibility: input.visibility, basedOn: previous?.id ?? null, carried: carried.map((s) => s.key) },
    });
    return { id, carriedSections: carried.length };
  });
}
