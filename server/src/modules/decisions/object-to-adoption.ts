import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound } from '../../platform/http/problem.js';
import { getState } from '../states/index.js';
import { mayObject } from './consensus.js';
import { decisionsPolicy } from './policy.js';
import { consensusProposals, objections } from './tables.js';
import { refused, type MeetingRoll } from './adoption.js';

/** A State present objects, with its reason: the text is not adopted and stays a draft. */
export async function objectToAdoption(ctx: PlatformContext, roll: MeetingRoll, input: { actor: Actor; proposalId: string; reason: string }) {
  authorize(input.actor, decisionsPolicy.actForState, undefined);
  const state = input.actor.state!;
  return ctx.database.db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(consensusProposals).where(eq(consensusProposals.id, input.proposalId)).for('update');
    if (!proposal) throw notFound('The proposal');
    const standing = await getState(tx, state);
    const objectors = (await tx.select({ state: objections.state }).from(objections).where(eq(objections.proposalId, proposal.id))).map((o) => o.state);
    const present = await roll.present(tx, proposal.meetingId, state);
    const refusal = mayObject(proposal, standing, present, ctx.config.rulesOfProcedure, objectors);
    if (refusal) throw refused(refusal);
    const at = new Date();
    await tx.insert(objections).values({ proposalId: proposal.id, state, objectedBy: input.actor.accountId, reason: input.reason, objectedAt: at });
    await tx.update(consensusProposals).set({ status: 'not-adopted', closedAt: at }).where(eq(consensusProposals.id, proposal.id));
    await recordAudit(tx, { actor: input.actor, action: 'decisions.object', subjectType: 'consensus-proposal', subjectId: proposal.id, change: { state, reason: input.reason } });
    return { status: 'not-adopted' as const };
  });
}
