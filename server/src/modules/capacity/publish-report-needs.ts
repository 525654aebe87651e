import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import type { Language } from '../../kernel/languages.js';
import { needsOfLatestReport } from '../reporting/index.js';
import { elementKindsInForce } from '../framework/index.js';
import type { Modality } from './matching.js';
import { capacityPolicy } from './policy.js';
import { capacityNeeds } from './tables.js';
import type { CapacityVisibility } from './visibility.js';

const RANK: Record<CapacityVisibility, number> = { public: 0, participants: 1, secretariat: 2 };
/** A report section's visibility as a need's: States only becomes signed-in participants (States, offerors, Secretariat). */
const FROM_REPORT: Record<'public' | 'states' | 'secretariat', CapacityVisibility> = { public: 'public', states: 'participants', secretariat: 'secretariat' };
const narrower = (a: CapacityVisibility, b: CapacityVisibility): CapacityVisibility => (RANK[a] >= RANK[b] ? a : b);

/**
 * Turns the needs the State wrote in its latest submitted national report into published needs, in one
 * step and nothing retyped: each keeps a link to its report section, is never published more widely
 * than its section may be read, and is published once (asking again publishes only the new ones).
 * Codes no longer in the framework are left out; a need left with none keeps the section's element.
 */
export async function publishReportNeeds(db: Db, input: { actor: Actor; modality: Modality; languages: Language[]; visibility: CapacityVisibility }) {
  authorize(input.actor, capacityPolicy.publishNeed, undefined);
  const state = input.actor.state!;
  const report = await needsOfLatestReport(db, state);
  if (!report) throw conflict('Your State has no submitted national report to take needs from.', 'no-report');
  const kinds = await elementKindsInForce(db);
  return db.transaction(async (tx) => {
    const created: string[] = [];
    let alreadyPublished = 0;
    const now = new Date();
    for (const need of report.needs) {
      const sectionElement = need.sectionKey.split(':')[1];
      let codes = [...new Set(need.codes.filter((c) => kinds.has(c)))];
      if (codes.length === 0 && sectionElement && kinds.has(sectionElement)) codes = [sectionElement];
      const id = randomUUID();
      const source = { reportId: report.reportId, submission: report.submission, sectionKey: need.sectionKey, index: need.index };
      const text = { en: need.description.slice(0, 300) };
      const row = {
        id,
        state,
        title: text,
        description: { en: need.description },
        codes,
        modality: input.modality,
        languages: [...new Set(input.languages)],
        periodStart: null,
        periodEnd: null,
        partners: 1,
        visibility: narrower(input.visibility, FROM_REPORT[need.visibility]),
        status: 'open' as const,
        source,
        publishedAt: now,
        createdBy: input.actor.accountId,
      };
      const inserted = await tx
        .insert(capacityNeeds)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: capacityNeeds.id });
      if (inserted.length === 0) {
        alreadyPublished++;
        continue;
      }
      created.push(id);
      await recordAudit(tx, { actor: input.actor, action: 'capacity.publish-need', subjectType: 'capacity-need', subjectId: id, change: { ...row, publishedAt: now.toISOString() } });
    }
    return { reportId: report.reportId, submission: report.submission, created, alreadyPublished };
  });
}
