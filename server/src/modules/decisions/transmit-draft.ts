import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { decisionsPolicy } from './policy.js';
import { consensusProposals, drafts } from './tables.js';
import { latestRevision, negotiableDraft } from './drafting.js';
import { revisionLabel, transmission, type TransmissionRefusal } from './revisions.js';

const REFUSALS: Record<TransmissionRefusal, string> = {
  'already-plenary': 'The draft is already before the plenary.',
  'under-adoption': "The draft's adoption is proposed in a meeting of the group: that proposal ends first.",
};

/**
 * A working group's chair transmits a finished draft to the plenary, which adopts what the groups
 * prepared. The draft keeps its provenance: the group, the date and the revision transmitted.
 */
export async function transmitDraft(db: Db, input: { actor: Actor; draftId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const [open] = await tx.select({ id: consensusProposals.id }).from(consensusProposals).where(and(eq(consensusProposals.draftId, draft.id), eq(consensusProposals.status, 'open')));
    const latest = await latestRevision(tx, draft.id);
    const result = transmission({ body: draft.body, adoptionOpen: !!open }, latest, new Date());
    if ('refusal' in result) throw conflict(REFUSALS[result.refusal], result.refusal);
    const { provenance } = result;
    await tx
      .update(drafts)
      .set({ body: result.body, transmittedAt: provenance.transmittedAt, transmittedFrom: provenance.group, transmittedRevisionId: provenance.revisionId })
      .where(eq(drafts.id, draft.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.transmit-draft',
      subjectType: 'draft',
      subjectId: draft.id,
      change: { from: provenance.group, to: result.body, transmittedAt: provenance.transmittedAt, revisionId: provenance.revisionId, revision: provenance.revision, contentHash: provenance.contentHash },
    });
    return { transmittedAt: provenance.transmittedAt, from: provenance.group, revision: { number: provenance.revision, label: revisionLabel(provenance.revision), contentHash: provenance.contentHash } };
  });
}
