import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { latestRevision, negotiableDraft } from './drafting.js';
import { decisionsPolicy } from './policy.js';
import { consensusProposals, silenceProcedures } from './tables.js';
import { adoptionFloor, type MeetingRoll } from './adoption.js';

/** The chair proposes adoption of the latest revision in a meeting in session of the body the draft is before. */
export async function proposeAdoption(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; draftId: string; meetingId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return ctx.database.db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    await adoptionFloor(tx, roll, draft, input.meetingId);
    const [open] = await tx.select({ id: consensusProposals.id }).from(consensusProposals).where(and(eq(consensusProposals.draftId, draft.id), eq(consensusProposals.status, 'open')));
    if (open) throw conflict('Adoption of this draft is already proposed.', 'already-proposed');
    const [silence] = await tx.select({ id: silenceProcedures.id }).from(silenceProcedures).where(and(eq(silenceProcedures.draftId, draft.id), eq(silenceProcedures.status, 'open')));
    if (silence) throw conflict('The draft is under a silence procedure.', 'under-silence');
    const revision = await latestRevision(tx, draft.id);
    const id = randomUUID();
    await tx.insert(consensusProposals).values({ id, draftId: draft.id, revisionId: revision.id, meetingId: input.meetingId, status: 'open', proposedBy: input.actor.accountId, proposedAt: new Date() });
    await recordAudit(tx, { actor: input.actor, action: 'decisions.propose-adoption', subjectType: 'consensus-proposal', subjectId: id, change: { draftId: draft.id, revision: revision.number, contentHash: revision.contentHash, meetingId: input.meetingId } });
    return { id, revision: revision.number };
  });
}
