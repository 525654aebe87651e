import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import type { Actor } from '../../kernel/actor.js';
import { addStep, applicationFacts, applicationRow } from './applications.js';
import { stakeholdersPolicy } from './policy.js';
import { applications } from './tables.js';

/** The Secretariat finds an application complete: it may be circulated to the States. */
export async function markComplete(db: Db, input: { actor: Actor; applicationId: string }) {
  return db.transaction(async (tx) => {
    const row = await applicationRow(tx, input.applicationId, true);
    authorize(input.actor, stakeholdersPolicy.markComplete, applicationFacts(row, false));
    await tx.update(applications).set({ status: 'complete', version: row.version + 1 }).where(eq(applications.id, row.id));
    await addStep(tx, row.id, 'complete');
    await recordAudit(tx, { actor: input.actor, action: 'stakeholders.mark-complete', subjectType: 'stakeholder-application', subjectId: row.id, change: {} });
    return { status: 'complete' as const };
  });
}
