import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { deadlineLabel } from '../../platform/deadline.js';
import { focalPointContacts } from '../accounts/index.js';
import { reportingCycles, reportSubmissions } from './tables.js';

/**
 * Before the deadline, every focal point whose State has not submitted is reminded. The job's key is
 * per cycle and per reminder, so each reminder goes once.
 */
export function reportReminderHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { cycleId } = job.payload as { cycleId: string };
    const [cycle] = await tx.select().from(reportingCycles).where(eq(reportingCycles.id, cycleId));
    if (!cycle) return;
    const submitted = new Set((await tx.select({ state: reportSubmissions.state }).from(reportSubmissions).where(eq(reportSubmissions.cycleId, cycleId))).map((s) => s.state));
    for (const fp of await focalPointContacts(tx)) {
      if (submitted.has(fp.state)) continue;
      await ctx.mailer.send({
        to: fp.email,
        subject: `Reminder: national report for ${cycle.title}`,
        text:
          `${fp.name},\n\nThe deadline for voluntary national reports in "${cycle.title}" is ${deadlineLabel(cycle.deadlineAt, cycle.deadlineZone)}.\n` +
          `Your State has not submitted yet. You can start from your previous report and mark sections "no change since last report":\n` +
          `${ctx.config.publicUrl}/en/reporting/${cycle.id}\n`,
      });
    }
  };
}
