import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { silenceOutcome } from './consensus.js';
import { silenceAdopted } from './silence-notices.js';
import { silenceBreaks, silenceProcedures } from './tables.js';
import { adopt, tellFocalPoints } from './adoption.js';

/**
 * The deadline job: at the deadline, with no break, the outcome is adopted — once, whichever process
 * runs the job, even after a restart. A procedure already ended is left as it is.
 */
export function silenceDeadlineHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { procedureId } = job.payload as { procedureId: string };
    const [procedure] = await tx.select().from(silenceProcedures).where(eq(silenceProcedures.id, procedureId)).for('update');
    if (!procedure) return;
    const breaks = (await tx.select({ state: silenceBreaks.state }).from(silenceBreaks).where(eq(silenceBreaks.procedureId, procedure.id))).length;
    const result = silenceOutcome(procedure, breaks, new Date());
    if (result !== 'adopted') {
      if (result === 'open') throw new Error('The deadline has not passed yet');
      return;
    }
    await tx.update(silenceProcedures).set({ status: 'adopted', closedAt: new Date() }).where(eq(silenceProcedures.id, procedure.id));
    const outcome = await adopt(ctx, tx, { actor: null, draftId: procedure.draftId, revisionId: procedure.revisionId, via: 'silence', adoptedBy: procedure.id, meetingId: null, zone: procedure.deadlineZone });
    await tellFocalPoints(tx, (lang) => silenceAdopted(lang, { title: outcome.title, symbol: outcome.symbol, contentHash: outcome.contentHash }));
  };
}
