import { and, asc, desc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { actsForState, hasRole, isSecretariat, type Actor } from '../../kernel/actor.js';
import { reportingCan, reportingPolicy } from './policy.js';
import { canOf } from '../../platform/http/policy.js';
import { notFound, Problem } from '../../platform/http/problem.js';
import { VersionedMemo } from '../../platform/http/versioned-cache.js';
import { accountNames } from '../accounts/index.js';
import { ANSWER_FIELDS, effectiveVisibility, sees, standingVisibility, type AnswerField, type SectionAnswer, type Viewer } from './questionnaire.js';
import { nationalReports, questionnaires, reportingCycles, reportSectionEdits, reportSections, reportSubmissions, type SubmittedSection } from './tables.js';

/** How many cycles' section lists are kept (cycleSections). */
export const SECTIONS_KEPT = 32;
/** The version of every kept section list: a questionnaire is never changed once built. */
const QUESTIONNAIRES_NEVER_CHANGE = 'built';

/** Who the actor is to a State's report. */
export function viewerOf(actor: Actor | null, state: string): Viewer {
  if (isSecretariat(actor)) return { kind: 'secretariat' };
  if (actsForState(actor, state)) return { kind: 'own-state' };
  if (hasRole(actor, 'focal_point') || hasRole(actor, 'delegate')) return { kind: 'state' };
  if (hasRole(actor, 'stakeholder')) return { kind: 'stakeholder' };
  return { kind: 'public' };
}

/** Open until the deadline; closed after it. */
export const cycleStatus = (deadlineAt: Date, now = new Date()): 'open' | 'closed' => (deadlineAt > now ? 'open' : 'closed');

/** The cycles, newest first, each with the State's own report (for those who draft it) and its status. */
export async function listCycles(db: Executor, state: string | null) {
  const cycles = await db
    .select({
      id: reportingCycles.id,
      title: reportingCycles.title,
      periodStart: reportingCycles.periodStart,
      periodEnd: reportingCycles.periodEnd,
      openedOn: reportingCycles.openedOn,
      deadlineAt: reportingCycles.deadlineAt,
      deadlineZone: reportingCycles.deadlineZone,
      deadlineLocal: reportingCycles.deadlineLocal,
    })
    .from(reportingCycles)
    .orderBy(desc(reportingCycles.createdAt));
  const mine = new Map((state ? await reportsOfState(db, state) : []).map((r) => [r.cycleId, { id: r.id, submissions: r.submissions, lastSubmittedAt: r.lastSubmittedAt }]));
  return cycles.map((c) => ({ ...c, status: cycleStatus(c.deadlineAt), myReport: mine.get(c.id) ?? null }));
}

/** The fields of an answer one version changed from the one before it. */
export function changedFields(
  before: { answer: SectionAnswer; visibility: string | null } | undefined,
  after: { answer: SectionAnswer; visibility: string | null },
): (AnswerField | 'visibility')[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fields: (AnswerField | 'visibility')[] = ANSWER_FIELDS.filter((f) => !same(before?.answer[f], after.answer[f]) && !(before === undefined && (after.answer[f] === undefined || after.answer[f] === '')));
  if (before ? before.visibility !== after.visibility : after.visibility !== null) fields.push('visibility');
  return fields;
}

export async function cycleWithQuestionnaire(db: Executor, cycleId: string) {
  const [row] = await db
    .select({ cycle: reportingCycles, questionnaire: questionnaires })
    .from(reportingCycles)
    .innerJoin(questionnaires, eq(questionnaires.id, reportingCycles.questionnaireId))
    .where(eq(reportingCycles.id, cycleId));
  if (!row) throw notFound('The reporting cycle');
  return { ...row.cycle, questionnaire: { id: row.questionnaire.id, builtOn: row.questionnaire.builtOn, sections: row.questionnaire.sections } };
}

/**
 * A cycle's sections (key and part), in the questionnaire's order. A cycle keeps the questionnaire it
 * opened with, and a questionnaire is never changed: the list is kept once read, instead of reading and
 * parsing the whole questionnaire (every framework text in it, 21 KB for 26 sections) on each save of a
 * section, analysis or comparison: 1.9 ms on PGlite and 1.2 ms on PostgreSQL against a primary-key read's
 * 0.6 / 0.15 ms. Kept for SECTIONS_KEPT cycles at most (the one first read longest ago goes first, and is
 * read again when next asked), within the process's cache budget; a failed read (a cycle that does not
 * exist, a database that did not answer) is never kept.
 */
const sectionsOfCycle = new VersionedMemo<{ key: string; part: string }[]>(SECTIONS_KEPT);
export function cycleSections(db: Executor, cycleId: string): Promise<{ key: string; part: string }[]> {
  return sectionsOfCycle.get(cycleId, QUESTIONNAIRES_NEVER_CHANGE, async () => (await cycleWithQuestionnaire(db, cycleId)).questionnaire.sections.map((s) => ({ key: s.key, part: s.part })));
}

/** A cycle's title and period, without its questionnaire. */
export async function cycleOf(db: Executor, cycleId: string) {
  const [cycle] = await db
    .select({ id: reportingCycles.id, title: reportingCycles.title, periodStart: reportingCycles.periodStart, periodEnd: reportingCycles.periodEnd })
    .from(reportingCycles)
    .where(eq(reportingCycles.id, cycleId));
  if (!cycle) throw notFound('The reporting cycle');
  return cycle;
}

/** Only what the viewer may see of a submission: null when nothing of it is theirs to see. */
export function visibleSubmission<T extends { visibility: SubmittedSection['visibility']; sections: SubmittedSection[] }>(viewer: Viewer, s: T): (T & { sections: SubmittedSection[] }) | null {
  const sections = s.sections.filter((x) => sees(viewer, x.visibility));
  if (!sees(viewer, s.visibility) && sections.length === 0) return null;
  return { ...s, sections };
}

/**
 * A report as the actor may see it: the State's own people and the Secretariat see the draft, who
 * changed what, and every submission; others see the latest submission, only the sections open to
 * them, and a report with nothing open to them is not found at all.
 */
export async function reportForViewer(db: Executor, actor: Actor | null, reportId: string) {
  const [report] = await db.select().from(nationalReports).where(eq(nationalReports.id, reportId));
  if (!report) throw notFound('The report');
  const viewer = viewerOf(actor, report.state);
  const submissions = await db.select().from(reportSubmissions).where(eq(reportSubmissions.reportId, report.id)).orderBy(asc(reportSubmissions.number));
  const receipts = submissions.map((s) => ({ number: s.number, submittedAt: s.submittedAt, contentHash: s.contentHash }));
  if (viewer.kind === 'own-state' || viewer.kind === 'secretariat') {
    const sections = await db.select().from(reportSections).where(eq(reportSections.reportId, report.id)).orderBy(asc(reportSections.key));
    const edits = await db.select().from(reportSectionEdits).where(eq(reportSectionEdits.reportId, report.id)).orderBy(asc(reportSectionEdits.editedAt), asc(reportSectionEdits.version));
    const names = await accountNames(db, [...sections.map((s) => s.updatedBy), ...edits.map((e) => e.editedBy)]);
    const previousOf = new Map<string, (typeof edits)[number]>();
    const history = edits.map((e) => {
      const before = previousOf.get(e.key);
      previousOf.set(e.key, e);
      return { key: e.key, version: e.version, editedBy: e.editedBy, editedByName: names.get(e.editedBy) ?? '', editedAt: e.editedAt, changed: changedFields(before, e) };
    });
    return {
      id: report.id,
      cycleId: report.cycleId,
      state: report.state,
      visibility: report.visibility,
      basedOn: report.basedOn,
      draft: sections.map((s) => ({ key: s.key, answer: s.answer, visibility: s.visibility, effectiveVisibility: effectiveVisibility(report.visibility, s.visibility), version: s.version, updatedBy: s.updatedBy, updatedByName: names.get(s.updatedBy) ?? '', updatedAt: s.updatedAt })),
      history,
      submissions: receipts,
      latest: submissions.at(-1) ? { number: submissions.at(-1)!.number, sections: submissions.at(-1)!.sections } : null,
      can: canOf(reportingCan.report, actor, report),
    };
  }
  const latest = submissions.at(-1);
  const visible = latest ? visibleSubmission(viewer, latest) : null;
  if (!visible) throw notFound('The report');
  return {
    id: report.id,
    cycleId: report.cycleId,
    state: report.state,
    visibility: null,
    basedOn: null,
    draft: null,
    history: null,
    submissions: receipts,
    latest: { number: visible.number, sections: visible.sections },
    can: canOf(reportingCan.report, actor, report),
  };
}

/**
 * One submitted version of a report (the latest when no number is given) as the actor may see it, with
 * every receipt and what superseded it. The version is cut by the visibilities that stand for it now
 * (standingVisibility): what the State narrowed in a later version stays narrowed in the earlier ones.
 * A report, or a version, with nothing open to the actor is not found. Only what it needs is read: the
 * report's State, the receipts, and the versions from the one asked for onwards.
 */
export async function submissionForViewer(db: Executor, actor: Actor | null, reportId: string, number?: number) {
  const [report] = await db.select({ id: nationalReports.id, cycleId: nationalReports.cycleId, state: nationalReports.state }).from(nationalReports).where(eq(nationalReports.id, reportId));
  if (!report) throw notFound('The report');
  const viewer = viewerOf(actor, report.state);
  const receipts = await db
    .select({ number: reportSubmissions.number, submittedAt: reportSubmissions.submittedAt, contentHash: reportSubmissions.contentHash })
    .from(reportSubmissions)
    .where(eq(reportSubmissions.reportId, report.id))
    .orderBy(asc(reportSubmissions.number));
  const last = receipts.at(-1)?.number;
  if (last === undefined) {
    // Nothing submitted yet: the State's own people and the Secretariat learn that; nobody else learns the report exists.
    if (viewer.kind !== 'own-state' && viewer.kind !== 'secretariat') throw notFound('The report');
    if (number !== undefined) throw notFound(`Version ${number} of the report`);
    return { report, receipts, submission: null };
  }
  const wanted = number ?? last;
  const versions = await db
    .select({ number: reportSubmissions.number, submittedAt: reportSubmissions.submittedAt, contentHash: reportSubmissions.contentHash, visibility: reportSubmissions.visibility, sections: reportSubmissions.sections })
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.reportId, report.id), gte(reportSubmissions.number, Math.min(wanted, last))))
    .orderBy(asc(reportSubmissions.number));
  // Others see nothing of a report whose latest version is closed to them, as on the report's page.
  if (!visibleSubmission(viewer, versions.at(-1)!)) throw notFound('The report');
  const at = versions.findIndex((v) => v.number === wanted);
  if (at < 0) throw notFound(`Version ${wanted} of the report`);
  const version = versions[at]!;
  const later = versions.slice(at + 1);
  const visible = visibleSubmission(viewer, standingVisibility(version, later));
  if (!visible) throw notFound(`Version ${wanted} of the report`);
  const next = later[0];
  return {
    report,
    receipts,
    submission: {
      number: visible.number,
      submittedAt: visible.submittedAt,
      contentHash: visible.contentHash,
      supersededBy: next ? { number: next.number, submittedAt: next.submittedAt } : null,
      sections: visible.sections,
    },
  };
}

/** The latest submission of every State in a cycle, cut to what the actor may see. */
export async function visibleLatestSubmissions(db: Executor, actor: Actor | null, cycleId: string, onlyStates?: readonly string[]) {
  const rows = await db
    .select()
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.cycleId, cycleId), onlyStates ? inArray(reportSubmissions.state, [...onlyStates]) : undefined))
    .orderBy(asc(reportSubmissions.state), desc(reportSubmissions.number));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.state)) latest.set(r.state, r);
  const out: { state: string; reportId: string; number: number; submittedAt: Date; sections: SubmittedSection[] }[] = [];
  for (const s of latest.values()) {
    const visible = visibleSubmission(viewerOf(actor, s.state), s);
    if (visible) out.push({ state: s.state, reportId: s.reportId, number: s.number, submittedAt: s.submittedAt, sections: visible.sections });
  }
  return out;
}

/** A State's report in a cycle, with how many times it was submitted. */
export async function reportOfState(db: Executor, cycleId: string, state: string) {
  const [r] = await reportsOfState(db, state, cycleId);
  return r ? { id: r.id, submissions: r.submissions, lastSubmittedAt: r.lastSubmittedAt } : null;
}

/** A State's reports (in one cycle, or in all), each with how often it was submitted and when last: one query. */
async function reportsOfState(db: Executor, state: string, cycleId?: string) {
  const rows = await db
    .select({
      id: nationalReports.id,
      cycleId: nationalReports.cycleId,
      submissions: sql<number>`count(${reportSubmissions.reportId})::int`,
      lastSubmittedAt: sql<string | null>`max(${reportSubmissions.submittedAt})`,
    })
    .from(nationalReports)
    .leftJoin(reportSubmissions, eq(reportSubmissions.reportId, nationalReports.id))
    .where(and(eq(nationalReports.state, state), cycleId ? eq(nationalReports.cycleId, cycleId) : undefined))
    .groupBy(nationalReports.id, nationalReports.cycleId);
  return rows.map((r) => ({ ...r, submissions: Number(r.submissions), lastSubmittedAt: r.lastSubmittedAt ? new Date(r.lastSubmittedAt) : null }));
}

/**
 * The actor's own State's report in each open cycle, for those who draft it (its focal point and
 * delegates): not started, in draft or submitted, with the sections still without an answer. Nobody
 * else learns anything here of a State's report, submitted or not.
 */
export async function ownReportsInOpenCycles(db: Executor, actor: Actor | null, now = new Date()) {
  const state = actor?.state;
  if (!state || !reportingPolicy.draft.allows(actor, { state })) return [];
  const cycles = await db
    .select({ id: reportingCycles.id, title: reportingCycles.title, deadlineAt: reportingCycles.deadlineAt, deadlineZone: reportingCycles.deadlineZone })
    .from(reportingCycles)
    .where(gt(reportingCycles.deadlineAt, now))
    .orderBy(asc(reportingCycles.deadlineAt));
  const out = [];
  for (const c of cycles) {
    const report = await reportOfState(db, c.id, state);
    const sections = await cycleSections(db, c.id);
    const answered = report ? await db.select({ key: reportSections.key }).from(reportSections).where(eq(reportSections.reportId, report.id)) : [];
    const done = new Set(answered.map((a) => a.key));
    out.push({
      cycle: c,
      state,
      report: report ? { id: report.id, submissions: report.submissions, lastSubmittedAt: report.lastSubmittedAt } : null,
      status: !report ? ('not-started' as const) : report.submissions > 0 ? ('submitted' as const) : ('draft' as const),
      sectionsTotal: sections.length,
      sectionsLeft: sections.filter((s) => !done.has(s.key)).length,
      can: report
        ? { ...canOf(reportingCan.report, actor, { state }), startReport: false }
        : { edit: false, submit: false, ...canOf(reportingCan.cycle, actor, { hasReport: false }) },
    });
  }
  return out;
}

/**
 * A State's reports as the public sees them, for the State's page: per report, its latest
 * submission when the public may see it (the report public, or at least one section public), with
 * the cycle and how many sections are open. Drafts and never-submitted reports are not there.
 */
export async function publicReportsOfState(db: Executor, state: string) {
  const rows = await db
    .select({
      reportId: reportSubmissions.reportId,
      cycleId: reportSubmissions.cycleId,
      cycleTitle: reportingCycles.title,
      periodStart: reportingCycles.periodStart,
      periodEnd: reportingCycles.periodEnd,
      number: reportSubmissions.number,
      submittedAt: reportSubmissions.submittedAt,
      visibility: reportSubmissions.visibility,
      sections: reportSubmissions.sections,
    })
    .from(reportSubmissions)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSubmissions.cycleId))
    .where(eq(reportSubmissions.state, state))
    .orderBy(desc(reportingCycles.periodStart), desc(reportSubmissions.number));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.reportId)) latest.set(r.reportId, r);
  const out: { reportId: string; cycleId: string; cycleTitle: string; periodStart: string; periodEnd: string; number: number; submittedAt: Date; publicSections: number }[] = [];
  for (const r of latest.values()) {
    const visible = visibleSubmission({ kind: 'public' }, r);
    if (visible) out.push({ reportId: r.reportId, cycleId: r.cycleId, cycleTitle: r.cycleTitle, periodStart: r.periodStart, periodEnd: r.periodEnd, number: r.number, submittedAt: r.submittedAt, publicSections: visible.sections.length });
  }
  return out;
}

/** The cycle a report belongs to, or null: for telling a cycle's followers of the report's submission. */
export async function cycleOfReport(db: Executor, reportId: string): Promise<string | null> {
  const [row] = await db.select({ cycleId: nationalReports.cycleId }).from(nationalReports).where(eq(nationalReports.id, reportId));
  return row?.cycleId ?? null;
}

/**
 * Whether the actor may see a State's submitted report now, by the same rule as its page
 * (`submissionForViewer`: the latest version, cut to what stands for the actor): its State and
 * page when something of it is theirs to see, null otherwise (nothing submitted, or nothing open to
 * them). What a notice of a submission may say to a person, and no more.
 */
export async function submittedReportSeenBy(db: Executor, actor: Actor | null, reportId: string): Promise<{ state: string; cycleId: string; path: string } | null> {
  try {
    const seen = await submissionForViewer(db, actor, reportId);
    if (!seen.submission) return null;
    return { state: seen.report.state, cycleId: seen.report.cycleId, path: `reporting/reports/${seen.report.id}` };
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}
