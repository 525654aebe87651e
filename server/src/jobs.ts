import type { PlatformContext } from './platform/context.js';
import { startJobRunner, type JobHandlers, type JobRunner } from './platform/jobs/runner.js';
import { MAIL_JOB, mailDelivery } from './platform/mail/queue.js';
import { SILENCE_JOB, silenceDeadlineHandler } from './modules/decisions/index.js';
import { REMINDER_JOB, reportReminderHandler } from './modules/reporting/index.js';
import { meetingJobHandlers } from './modules/meetings/index.js';
import { updatesJobHandlers } from './modules/updates/index.js';
import { checkJobHandlers, directoryDigestHandlers } from './modules/contacts/index.js';
import { INVITE_LEAD_JOB, NON_OBJECTION_JOB, inviteFirstRepresentativeJob, nonObjectionPeriodHandler } from './modules/stakeholders/index.js';
import { PASSWORD_RESET_JOB, passwordResetHandler } from './modules/accounts/index.js';
import { NOTICE_JOB, REMIND_JOB, digestJobHandlers, noticeHandler, remindHandler } from './modules/follows/index.js';
import { AUDIT_CHECKPOINT_JOB, dailyCheckpointHandler } from './platform/audit/daily-checkpoint.js';
import { VACUUM_JOB, databaseMaintenanceHandler } from './platform/db/maintenance.js';

/** The jobs of the modules that own them. */
function moduleJobHandlers(ctx: PlatformContext): JobHandlers {
  return {
    [SILENCE_JOB]: silenceDeadlineHandler(ctx),
    [REMINDER_JOB]: reportReminderHandler(ctx),
    ...meetingJobHandlers(ctx),
    ...updatesJobHandlers(ctx),
    ...checkJobHandlers(ctx),
    ...directoryDigestHandlers(ctx),
    [NON_OBJECTION_JOB]: nonObjectionPeriodHandler(ctx),
    [INVITE_LEAD_JOB]: inviteFirstRepresentativeJob(ctx),
    [PASSWORD_RESET_JOB]: passwordResetHandler(ctx),
    [AUDIT_CHECKPOINT_JOB]: dailyCheckpointHandler(ctx.auditSigner),
    // The embedded database's vacuum (none is scheduled on PostgreSQL, whose autovacuum does it).
    [VACUUM_JOB]: databaseMaintenanceHandler(ctx.database),
    [NOTICE_JOB]: noticeHandler(ctx),
    [REMIND_JOB]: remindHandler(ctx),
    ...digestJobHandlers(ctx),
  };
}

/** Every kind of durable job the platform runs: the modules' jobs and the mail job. */
export function jobHandlers(ctx: PlatformContext): JobHandlers {
  return { ...moduleJobHandlers(ctx), [MAIL_JOB]: mailDelivery(ctx.mailer) };
}

/**
 * The job runners of a server process: mail in a runner of its own, so a mail server that does not
 * answer never delays a deadline or a reminder.
 */
export function startJobRunners(ctx: PlatformContext, options: { onError?: (error: unknown) => void } = {}): JobRunner {
  const runners = [startJobRunner(ctx.database.db, moduleJobHandlers(ctx), options), startJobRunner(ctx.database.db, { [MAIL_JOB]: mailDelivery(ctx.mailer) }, options)];
  return {
    drain: async () => (await Promise.all(runners.map((r) => r.drain()))).reduce((a, b) => a + b, 0),
    stop: async () => {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
