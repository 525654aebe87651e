import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Visibility } from './questionnaire.js';
import { reportingCycles, reportSubmissions } from './tables.js';

export interface ReportNeeds {
  reportId: string;
  cycleId: string;
  submission: number;
  /** The needs the State wrote, section by section, each with who may read its section. */
  needs: { sectionKey: string; index: number; description: string; codes: string[]; visibility: Visibility }[];
}

/**
 * The needs a State wrote in its latest submitted national report (the newest cycle it submitted in),
 * for capacity-building to publish them without retyping; null when it never submitted one. Drafts
 * are not read: what is published comes from what the State submitted.
 */
export async function needsOfLatestReport(db: Executor, state: string): Promise<ReportNeeds | null> {
  const [latest] = await db
    .select({ reportId: reportSubmissions.reportId, cycleId: reportSubmissions.cycleId, number: reportSubmissions.number, sections: reportSubmissions.sections })
    .from(reportSubmissions)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSubmissions.cycleId))
    .where(eq(reportSubmissions.state, state))
    .orderBy(desc(reportingCycles.createdAt), desc(reportSubmissions.number))
    .limit(1);
  if (!latest) return null;
  return {
    reportId: latest.reportId,
    cycleId: latest.cycleId,
    submission: latest.number,
    needs: latest.sections.flatMap((s) => (s.answer.needs ?? []).map((n, index) => ({ sectionKey: s.key, index, description: n.description, codes: n.codes, visibility: s.visibility }))),
  };
}
