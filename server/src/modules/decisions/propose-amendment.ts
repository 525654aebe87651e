import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { amendments, amendmentSponsors, draftRevisions } from './tables.js';
import { negotiableDraft } from './drafting.js';

export interface AmendmentInput {
  actor: Actor;
  draftId: string;
  revisionNumber: number;
  action: 'add' | 'delete' | 'replace';
  paragraphKey: string | null;
  paragraphKind?: 'preambular' | 'operative' | undefined;
  text?: string | undefined;
  reason: string;
}

/** A State (never an organisation) proposes to add, delete or replace a paragraph, with a reason, against a revision. */
export async function proposeAmendment(db: Db, input: AmendmentInput) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  if (input.action !== 'delete' && !input.text) throw badRequest('Give the proposed text.', [{ field: 'body.text', message: 'required for add and replace' }]);
  if (input.action === 'delete' && input.text) throw badRequest('A deletion has no text.', [{ field: 'body.text', message: 'not allowed for delete' }]);
  if (input.action !== 'add' && !input.paragraphKey) throw badRequest('Name the paragraph.', [{ field: 'body.paragraphKey', message: 'required' }]);
  if (input.action === 'add' && !input.paragraphKind) throw badRequest('Say whether the new paragraph is preambular or operative.', [{ field: 'body.paragraphKind', message: 'required for add' }]);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const [revision] = await tx.select().from(draftRevisions).where(and(eq(draftRevisions.draftId, draft.id), eq(draftRevisions.number, input.revisionNumber)));
    if (!revision) throw notFound(`Revision ${input.revisionNumber} of the draft`);
    if (input.paragraphKey && !revision.paragraphs.some((p) => p.key === input.paragraphKey)) {
      throw badRequest('That paragraph is not in this revision.', [{ field: 'body.paragraphKey', message: 'not in the revision' }]);
    }
    const id = randomUUID();
    const now = new Date();
    await tx.insert(amendments).values({
      id,
      draftId: draft.id,
      revisionId: revision.id,
      proposerState: state,
      proposedBy: input.actor.accountId,
      action: input.action,
      paragraphKey: input.paragraphKey,
      paragraphKind: input.action === 'add' ? (input.paragraphKind ?? null) : null,
      text: input.text ?? null,
      reason: input.reason,
      createdAt: now,
    });
    await tx.insert(amendmentSponsors).values({ amendmentId: id, state, joinedBy: input.actor.accountId, joinedAt: now });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.propose-amendment',
      subjectType: 'amendment',
      subjectId: id,
      change: { draftId: draft.id, revision: revision.number, action: input.action, paragraphKey: input.paragraphKey, text: input.text ?? null, reason: input.reason },
    });
    return { id };
  });
}
