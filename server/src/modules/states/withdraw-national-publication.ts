import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { statesPolicy } from './policy.js';
import { nationalPublications } from './tables.js';

/**
 * The State's focal point withdraws a national publication: it leaves the State's page and its files
 * are no longer served; the record of it (and of who withdrew it, when) stays on the audit chain.
 */
export async function withdrawNationalPublication(db: Db, input: { actor: Actor; state: string; publicationId: string }): Promise<void> {
  authorize(input.actor, statesPolicy.publishNational, input.state);
  await db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(nationalPublications)
      .set({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: input.actor.accountId })
      .where(and(eq(nationalPublications.id, input.publicationId), eq(nationalPublications.state, input.state), eq(nationalPublications.status, 'published')))
      .returning({ id: nationalPublications.id, kind: nationalPublications.kind, title: nationalPublications.title });
    if (!row) throw notFound('The national publication');
    await recordAudit(tx, { actor: input.actor, action: 'states.withdraw-national', subjectType: 'national-publication', subjectId: row.id, change: { state: input.state, kind: row.kind, title: row.title, withdrawnAt: now.toISOString() } });
  });
}
