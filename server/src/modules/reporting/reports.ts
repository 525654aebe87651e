import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { digestOf } from '../../platform/audit/canonical.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict, forbidden, notFound, preconditionFailed } from '../../platform/http/problem.js';
import { requireDeadline } from '../../platform/deadline.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { frameworkSnapshot } from '../framework/index.js';
import { buildQuestionnaire, effectiveVisibility, type SectionAnswer, type Visibility } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { cycleSections } from './reading.js';
import { nationalReports, questionnaires, reportingCycles, reportSectionEdits, reportSections, reportSubmissions, type SubmittedSection } from './tables.js';

export const REMINDER_JOB = 'report-reminder';
/** Reminders go this many days before the deadline. */
export const REMINDER_DAYS = [14, 3];

/**
 * The Secretariat opens a reporting cycle: the questionnaire is built from the framework as it stands
 * today, with the recommendations adopted by now, and the cycle keeps that version.
 */
export async function openCycle(
  ctx: PlatformContext,
  input: {
    actor: Actor;
    title: string;
    periodStart: string;
    periodEnd: string;
    deadlineLocal: string;
    zone: string;
    /** When the cycle opens: now, except to record a cycle of the past (the demo's last year). */
    openedAt?: Date;
  },
) {
  authorize(input.actor, reportingPolicy.openCycle, undefined);
  if (input.periodEnd < input.periodStart) throw badRequest('The period ends before it starts.', [{ field: 'body.periodEnd', message: 'before periodStart' }]);
  const now = input.openedAt ?? new Date();
  const deadline = requireDeadline(input.deadlineLocal, input.zone, now);
  const openedOn = now.toISOString().slice(0, 10);
  const db = ctx.database.db;
  const sections = buildQuestionnaire(await frameworkSnapshot(db, openedOn));
  return db.transaction(async (tx) => {
    const questionnaireId = randomUUID();
    await tx.insert(questionnaires).values({ id: questionnaireId, builtOn: openedOn, sections, createdAt: now });
    const id = randomUUID();
    const deadlineLocal = `${input.deadlineLocal}${deadline.offset}`;
    await tx.insert(reportingCycles).values({
      id,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      openedOn,
      deadlineAt: deadline.at,
      deadlineZone: input.zone,
      deadlineLocal,
      questionnaireId,
      createdBy: input.actor.accountId,
      createdAt: now,
    });
    for (const days of REMINDER_DAYS) {
      const runAt = new Date(deadline.at.getTime() - days * 86_400_000);
      // Only reminders still ahead: a cycle recorded after the fact has none due.
      if (runAt > new Date()) await scheduleJob(tx, { kind: REMINDER_JOB, key: `${REMINDER_JOB}:${id}:${days}`, runAt, payload: { cycleId: id, days } });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'reporting.open-cycle',
      subjectType: 'reporting-cycle',
      subjectId: id,
      change: { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, deadlineAt: deadline.at, zone: input.zone, questionnaire: digestOf(sections) },
      details: { title: input.title, deadlineLocal, sections: sections.length },
    });
    return { id, questionnaireId, sections: sections.length, deadlineAt: deadline.at, deadlineLocal };
  });
}

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
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: nationalReports.id }).from(nationalReports).where(and(eq(nationalReports.cycleId, cycle.id), eq(nationalReports.state, state)));
    if (existing) throw conflict(`Your State already has a report in this cycle (${existing.id}).`, 'report-exists');
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
    await tx.insert(nationalReports).values({ id, cycleId: cycle.id, state, visibility: input.visibility, basedOn: previous?.reportId ?? null, createdBy: input.actor.accountId, createdAt: now });
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

/**
 * Checks an act on a State's report: the State's own people without the right get 403; anyone else
 * gets 404, so that the existence of a report is not for others to learn.
 */
function checkOnReport(actor: Actor, r: typeof reportingPolicy.draft, state: string): void {
  if (r.allows(actor, { state })) return;
  if (reportingPolicy.draft.allows(actor, { state })) throw forbidden('Only the focal point of the State may do this.');
  throw notFound('The report');
}

async function reportFor(db: Db, reportId: string) {
  const [report] = await db.select().from(nationalReports).where(eq(nationalReports.id, reportId));
  if (!report) throw notFound('The report');
  return report;
}

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

/** The focal point chooses who may read the report. */
export async function setReportVisibility(db: Db, input: { actor: Actor; reportId: string; visibility: Visibility }) {
  const report = await reportFor(db, input.reportId);
  checkOnReport(input.actor, reportingPolicy.submit, report.state);
  await db.transaction(async (tx) => {
    await tx.update(nationalReports).set({ visibility: input.visibility, version: report.version + 1 }).where(eq(nationalReports.id, report.id));
    await recordAudit(tx, { actor: input.actor, action: 'reporting.set-visibility', subjectType: 'national-report', subjectId: report.id, change: { from: report.visibility, to: input.visibility } });
  });
}

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
