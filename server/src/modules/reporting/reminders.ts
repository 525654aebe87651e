import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { queueMail } from '../../platform/mail/queue.js';
import { focalPointContacts } from '../accounts/index.js';
import { reportReminder } from './reminder-texts.js';
import { reportingCycles, reportSubmissions } from './tables.js';

export const REMINDER_JOB = 'report-reminder';
/** Reminders go this many days before the deadline. */
export const REMINDER_DAYS = [14, 3];

/**
 * Before the deadline, every focal point whose State has not submitted is reminded. The job's key is
 * per cycle and per reminder, so each reminder goes once.
 */
export function reportReminderHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { cycleId } = job.payload as { cycleId: string };
    const [cycle] = await tx.select().from(reportingCycles).where(eq(reportingCycles.id, cycleId));
    // A reminder is for a deadline still ahead: after it, nobody is told to hurry.
    if (!cycle || cycle.deadlineAt <= new Date()) return;
    const submitted = new Set((await tx.select({ state: reportSubmissions.state }).from(reportSubmissions).where(eq(reportSubmissions.cycleId, cycleId))).map((s) => s.state));
    const messages = (await focalPointContacts(tx))
      .filter((fp) => !submitted.has(fp.state))
      .map((fp) => {
        const link = `${ctx.config.publicUrl}/${fp.language}/reporting`;
        return { to: fp.email, ...reportReminder(fp.language, { name: fp.name, cycleTitle: cycle.title, deadlineAt: cycle.deadlineAt, zone: cycle.deadlineZone, link }) };
      });
    await queueMail(tx, messages);
  };
}
