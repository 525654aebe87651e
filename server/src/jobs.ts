import type { PlatformContext } from './platform/context.js';
import type { JobHandlers } from './platform/jobs/runner.js';
import { MAIL_JOB, mailDelivery } from './platform/mail/queue.js';
import { SILENCE_JOB, silenceDeadlineHandler } from './modules/decisions/index.js';
import { REMINDER_JOB, reportReminderHandler } from './modules/reporting/index.js';
import { meetingJobHandlers } from './modules/meetings/index.js';

/** Every kind of durable job the platform runs: the mail job, and the jobs of the modules that own them. */
export function jobHandlers(ctx: PlatformContext): JobHandlers {
  return {
    [MAIL_JOB]: mailDelivery(ctx.mailer),
    [SILENCE_JOB]: silenceDeadlineHandler(ctx),
    [REMINDER_JOB]: reportReminderHandler(ctx),
    ...meetingJobHandlers(ctx),
  };
}
