import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { requireDeadline } from '../../platform/deadline.js';
import { latestRevision, negotiableDraft } from './drafting.js';
import { decisionsPolicy } from './policy.js';
import { silenceOpened } from './silence-notices.js';
import { consensusProposals, silenceProcedures } from './tables.js';
import { refusedPlace, tellFocalPoints, SILENCE_JOB } from './adoption.js';
import { mayAdoptBySilence } from './consensus.js';

/** The chair circulates the latest revision of a plenary draft under silence until a deadline stated in a time zone. */
export async function openSilenceProcedure(ctx: PlatformContext, input: { actor: Actor; draftId: string; deadlineLocal?: string | undefined; zone: string }) {
  authorize(input.actor, decisionsPolicy.chair, undefined);
  const now = new Date();
  const local =
    input.deadlineLocal ??
    DateTime.fromJSDate(new Date(now.getTime() + ctx.config.rulesOfProcedure.defaultSilenceHours * 3_600_000)).setZone(input.zone).toFormat("yyyy-MM-dd'T'HH:mm");
  const deadline = requireDeadline(local, input.zone, now);
  return ctx.database.db.transaction(async (tx) => {
    const draft = await negotiableDraft(tx, input.draftId);
    const place = mayAdoptBySilence(draft);
    if (place) throw refusedPlace(place);
    const [busy] = await tx
      .select({ id: silenceProcedures.id })
      .from(silenceProcedures)
      .where(and(eq(silenceProcedures.draftId, draft.id), eq(silenceProcedures.status, 'open')));
    const [proposed] = await tx.select({ id: consensusProposals.id }).from(consensusProposals).where(and(eq(consensusProposals.draftId, draft.id), eq(consensusProposals.status, 'open')));
    if (busy || proposed) throw conflict('The draft is already before the States for adoption.', 'already-proposed');
    const revision = await latestRevision(tx, draft.id);
    const id = randomUUID();
    const deadlineLocal = `${local}${deadline.offset}`;
    await tx.insert(silenceProcedures).values({
      id,
      draftId: draft.id,
      revisionId: revision.id,
      deadlineAt: deadline.at,
      deadlineZone: input.zone,
      deadlineLocal,
      status: 'open',
      openedBy: input.actor.accountId,
      openedAt: now,
    });
    await scheduleJob(tx, { kind: SILENCE_JOB, key: `${SILENCE_JOB}:${id}`, runAt: deadline.at, payload: { procedureId: id } });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'decisions.open-silence',
      subjectType: 'silence-procedure',
      subjectId: id,
      change: { draftId: draft.id, revision: revision.number, contentHash: revision.contentHash, deadlineAt: deadline.at, zone: input.zone, deadlineLocal },
    });
    await tellFocalPoints(tx, (lang) =>
      silenceOpened(lang, { title: revision.title, revision: revision.number, deadlineAt: deadline.at, zone: input.zone, publicUrl: ctx.config.publicUrl, procedureId: id }),
    );
    return { id, deadlineAt: deadline.at, deadlineLocal, zone: input.zone, revision: revision.number };
  });
}
