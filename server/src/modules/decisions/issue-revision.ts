import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, preconditionFailed } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { contentHash } from './revisions.js';
import { amendments, draftRevisions } from './tables.js';
import { type ParagraphInput, negotiableDraft, latestRevision, keyParagraphs } from './drafting.js';

/** The chair issues the next revision; it records which amendment proposals it took up. */
export async function issueRevision(
  db: Db,
  input: { actor: Actor; draftId: string; ifMatch: number; title?: string | undefined; paragraphs: ParagraphInput[]; takesUp: string[]; note?: string | undefined },
) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const previous = await latestRevision(tx, draft.id);
    if (previous.number !== input.ifMatch) throw preconditionFailed(`${previous.number === 0 ? 'The zero draft' : `Rev.${previous.number}`} is no longer the latest revision.`, { currentRevision: previous.number });
    const paragraphs = keyParagraphs(input.paragraphs, new Set(previous.paragraphs.map((p) => p.key)));
    if (input.takesUp.length) {
      const found = await tx.select({ id: amendments.id }).from(amendments).where(and(eq(amendments.draftId, draft.id), inArray(amendments.id, input.takesUp)));
      if (found.length !== new Set(input.takesUp).size) throw badRequest('Some amendments taken up are not proposals on this draft.', [{ field: 'body.takesUp', message: 'unknown amendment' }]);
    }
    const title = input.title ?? previous.title;
    const revision = {
      id: randomUUID(),
      draftId: draft.id,
      number: previous.number + 1,
      title,
      paragraphs,
      contentHash: contentHash(title, paragraphs),
      takesUp: input.takesUp,
      note: input.note ?? null,
      issuedBy: input.actor.accountId,
      issuedAt: new Date(),
    };
    await tx.insert(draftRevisions).values(revision);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.issue-revision',
      subjectType: 'draft',
      subjectId: draft.id,
      change: { number: revision.number, contentHash: revision.contentHash, takesUp: input.takesUp },
    });
    return { id: revision.id, number: revision.number };
  });
}
