import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { forbidden, notFound } from '../../platform/http/problem.js';
import { reportingPolicy } from './policy.js';
import { nationalReports } from './tables.js';

/**
 * What the use cases on a State's report share: finding the report, and checking an act on it.
 */

/**
 * Checks an act on a State's report: the State's own people without the right get 403; anyone else
 * gets 404, so that the existence of a report is not for others to learn.
 */
export function checkOnReport(actor: Actor, r: typeof reportingPolicy.draft, state: string): void {
  if (r.allows(actor, { state })) return;
  if (reportingPolicy.draft.allows(actor, { state })) throw forbidden('Only the focal point of the State may do this.');
  throw notFound('The report');
}

export async function reportFor(db: Db, reportId: string) {
  const [report] = await db.select().from(nationalReports).where(eq(nationalReports.id, reportId));
  if (!report) throw notFound('The report');
  return report;
}
