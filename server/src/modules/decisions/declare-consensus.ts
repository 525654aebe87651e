import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { declareConsensus } from './consensus.js';
import { decisionsPolicy } from './policy.js';
import { consensusProposals, objections } from './tables.js';
import { adopt, adoptionFloor, refused, type MeetingRoll } from './adoption.js';
import { negotiableDraft } from './drafting.js';

/** The chair declares consensus: with no objection the outcome is adopted. */
export async function declareConsensusOn(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; proposalId: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  return ctx.database.db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(consensusProposals).where(eq(consensusProposals.id, input.proposalId)).for('update');
    if (!proposal) throw notFound('The proposal');
    const count = (await tx.select({ state: objections.state }).from(objections).where(eq(objections.proposalId, proposal.id))).length;
    const result = declareConsensus(proposal, count);
    if (result === 'not-open') throw refused('not-open');
    // The draft as it stands now: a group's draft transmitted since the proposal is no longer the group's to adopt.
    const draft = await negotiableDraft(tx, proposal.draftId);
    const meeting = await adoptionFloor(tx, roll, draft, proposal.meetingId);
    await tx.update(consensusProposals).set({ status: result, closedAt: new Date() }).where(eq(consensusProposals.id, proposal.id));
    if (result === 'not-adopted') return { status: result, outcome: null };
    const outcome = await adopt(ctx, tx, { actor: input.actor, draftId: proposal.draftId, revisionId: proposal.revisionId, via: 'meeting', adoptedBy: proposal.id, meetingId: proposal.meetingId, zone: meeting.timeZone });
    return { status: result, outcome: { id: outcome.id, symbol: outcome.symbol, contentHash: outcome.contentHash } };
  });
}
