import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { addStep, applicantAddress, applicationRow, organisationRow, recordInLanguage, recordOf } from './applications.js';
import { outcomeNotice } from './mail-texts.js';
import { periodOpen, periodOutcome } from './non-objection.js';
import { applications, organisations } from './tables.js';

export const INVITE_LEAD_JOB = 'stakeholders.invite-first-representative';

/**
 * The job that closes a non-objection period: at its end the application is decided — accredited if
 * no State objected, not accredited otherwise — once, whichever process runs it, even after a restart
 * (the application is locked and decided only while circulated). The applicant is told the outcome in
 * its language, with the bases shared and the names of only the States that agreed; an accredited
 * organisation's first representative is invited by a job of its own, after commit.
 */
export function nonObjectionPeriodHandler(ctx: PlatformContext): JobHandler {
  return async ({ tx, job }) => {
    const { applicationId } = job.payload as { applicationId: string };
    const row = await applicationRow(tx, applicationId, true).catch(() => null);
    if (!row || row.status !== 'circulated') return;
    const now = new Date();
    if (periodOpen(row.periodEndsAt, now)) throw new Error('The period has not ended yet');
    const record = await recordOf(tx, row.id);
    const outcome = periodOutcome(record.count);
    await tx.update(applications).set({ status: outcome, decidedAt: now, version: row.version + 1 }).where(eq(applications.id, row.id));
    await tx
      .update(organisations)
      .set(outcome === 'accredited' ? { accreditation: 'accredited', accreditedAt: now } : { accreditation: 'objected' })
      .where(eq(organisations.id, row.organisationId));
    await addStep(tx, row.id, outcome, null, now);
    await recordAudit(tx, {
      actor: null,
      action: outcome === 'accredited' ? 'stakeholders.accredit' : 'stakeholders.not-accredit',
      subjectType: 'stakeholder-application',
      subjectId: row.id,
      change: { organisationId: row.organisationId, outcome, objections: record.count, periodEndsAt: row.periodEndsAt },
    });
    const org = await organisationRow(tx, row.organisationId);
    const to = applicantAddress(row);
    const mail = outcomeNotice(to.language, org.name, `${ctx.config.publicUrl}/${to.language}/accreditation/organisations/${org.id}`, await recordInLanguage(tx, record, to.language));
    await queueMail(tx, [{ to: to.to, subject: mail.subject, text: `${to.name},\n\n${mail.text}\n` }]);
    if (outcome === 'accredited') await scheduleJob(tx, { kind: INVITE_LEAD_JOB, key: `${INVITE_LEAD_JOB}:${row.organisationId}`, runAt: now, payload: { applicationId: row.id } });
  };
}

