import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { drafts } from './tables.js';
import { negotiableDraft } from './drafting.js';

/** A working group's chair transmits a finished draft to the plenary, which adopts what the groups prepared. */
export async function transmitDraft(db: Db, input: { actor: Actor; draftId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    if (draft.body === 'plenary') throw conflict('The draft is already before the plenary.', 'already-plenary');
    const transmittedAt = new Date();
    await tx.update(drafts).set({ body: 'plenary', transmittedAt }).where(eq(drafts.id, draft.id));
    await recordAudit(tx, { actor: input.actor, action: 'decisions.transmit-draft', subjectType: 'draft', subjectId: draft.id, change: { from: draft.body, to: 'plenary', transmittedAt } });
    return { transmittedAt };
  });
}
