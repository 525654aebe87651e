import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { notFound, Problem } from '../../platform/http/problem.js';
import { cancelJob } from '../../platform/jobs/runner.js';
import { getState } from '../states/index.js';
import { mayBreakSilence } from './consensus.js';
import { decisionsPolicy } from './policy.js';
import { silenceBroken } from './silence-notices.js';
import { drafts, outcomes, silenceBreaks, silenceProcedures } from './tables.js';
import { refused, tellFocalPoints, SILENCE_JOB } from './adoption.js';

/** A State's focal point breaks silence, with a reason, before the deadline: the procedure ends, not adopted. */
export async function breakSilence(ctx: PlatformContext, input: { actor: Actor; procedureId: string; reason: string; at?: Date }) {
  authorize(input.actor, decisionsPolicy.breakSilence, undefined);
  const state = input.actor.state!;
  const at = input.at ?? new Date();
  return ctx.database.db.transaction(async (tx) => {
    const [procedure] = await tx.select().from(silenceProcedures).where(eq(silenceProcedures.id, input.procedureId)).for('update');
    if (!procedure) throw notFound('The silence procedure');
    const standing = await getState(tx, state);
    const brokenBy = (await tx.select({ state: silenceBreaks.state }).from(silenceBreaks).where(eq(silenceBreaks.procedureId, procedure.id))).map((b) => b.state);
    const refusal = mayBreakSilence(procedure, standing, at, ctx.config.rulesOfProcedure, brokenBy);
    if (refusal === 'deadline-passed') throw await tooLate(tx, procedure);
    if (refusal) throw refused(refusal);
    await tx.insert(silenceBreaks).values({ procedureId: procedure.id, state, brokenBy: input.actor.accountId, reason: input.reason, brokenAt: at });
    await tx.update(silenceProcedures).set({ status: 'broken', closedAt: at }).where(eq(silenceProcedures.id, procedure.id));
    await cancelJob(tx, `${SILENCE_JOB}:${procedure.id}`);
    await recordAudit(tx, { actor: input.actor, action: 'decisions.break-silence', subjectType: 'silence-procedure', subjectId: procedure.id, change: { state, reason: input.reason, at } });
    const [draft] = await tx.select({ title: drafts.title }).from(drafts).where(eq(drafts.id, procedure.draftId));
    await tellFocalPoints(tx, (lang) => silenceBroken(lang, { title: draft!.title, state: standing.names, reason: input.reason }));
    return { status: 'broken' as const };
  });
}

/**
 * The one answer to a break after the deadline, whether or not the deadline job has run yet: it names
 * the deadline as the chair stated it and, once the text is adopted, the outcome.
 */
async function tooLate(tx: Tx, procedure: typeof silenceProcedures.$inferSelect): Promise<Problem> {
  const [outcome] = await tx.select({ id: outcomes.id, symbol: outcomes.symbol }).from(outcomes).where(and(eq(outcomes.draftId, procedure.draftId), eq(outcomes.adoptedBy, procedure.id)));
  const deadline = `${procedure.deadlineLocal} (${procedure.deadlineZone})`;
  const adopted = outcome ? ` No State broke silence in time: the text was adopted as ${outcome.symbol}.` : ' No State broke silence in time: the text is adopted, under a symbol given as the adoption is recorded.';
  return new Problem(409, 'refused-deadline-passed', 'Refused', `The deadline was ${deadline}: silence can no longer be broken.${adopted}`, {
    deadlineAt: procedure.deadlineAt.toISOString(),
    deadlineLocal: procedure.deadlineLocal,
    deadlineZone: procedure.deadlineZone,
    outcome: outcome ?? null,
  });
}
