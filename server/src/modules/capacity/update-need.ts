import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { capacityPolicy } from './policy.js';
import { needRow } from './records.js';
import { capacityNeeds } from './tables.js';
import type { CapacityVisibility } from './visibility.js';
import { seenNeed } from './reading.js';
import { needMayBecome } from './status-moves.js';

/** The State's focal point changes who sees its need, marks it met, or withdraws it. */
export async function updateNeed(db: Db, input: { actor: Actor; needId: string; visibility?: CapacityVisibility | undefined; status?: 'open' | 'met' | 'withdrawn' | undefined }) {
  await seenNeed(db, input.actor, input.needId);
  return db.transaction(async (tx) => {
    const need = await needRow(tx, input.needId, true);
    authorize(input.actor, capacityPolicy.manageNeed, need);
    if (input.status && !needMayBecome(need.status, input.status)) {
      throw conflict(`A need that is ${need.status} cannot become ${input.status}.`, 'need-status');
    }
    const change = { ...(input.visibility ? { visibility: input.visibility } : {}), ...(input.status ? { status: input.status } : {}) };
    await tx.update(capacityNeeds).set({ ...change, version: need.version + 1 }).where(eq(capacityNeeds.id, need.id));
    await recordAudit(tx, { actor: input.actor, action: 'capacity.update-need', subjectType: 'capacity-need', subjectId: need.id, change: { ...change, from: { visibility: need.visibility, status: need.status } } });
    return { id: need.id };
  });
}
