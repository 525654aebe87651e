import type { PlatformContext } from './platform/context.js';
import type { JobHandler } from './platform/jobs/runner.js';
import { SILENCE_JOB, silenceDeadlineHandler } from './modules/decisions/index.js';
import { REMINDER_JOB, reportReminderHandler } from './modules/reporting/index.js';
import { meetingJobHandlers } from './modules/meetings/index.js';
import { AUDIT_CHECKPOINT_JOB, dailyCheckpointHandler } from './platform/audit/daily-checkpoint.js';

/** Every kind of durable job the platform runs, from the modules that own them. */
export function jobHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return {
    [SILENCE_JOB]: silenceDeadlineHandler(ctx),
    [REMINDER_JOB]: reportReminderHandler(ctx),
    ...meetingJobHandlers(ctx),
    [AUDIT_CHECKPOINT_JOB]: dailyCheckpointHandler(ctx.auditSigner),
  };
}
