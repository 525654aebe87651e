import { eq } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { addStep, applicantAddress, applicationFacts, applicationRow, hashToken, organisationRow } from './applications.js';
import { informationRequested } from './mail-texts.js';
import { stakeholdersPolicy } from './policy.js';
import { applications } from './tables.js';

/**
 * The Secretariat asks the applicant for more information. The question goes on the application's
 * record and by email, in the applicant's language, with a link to its application page (not the
 * private link itself: the applicant has it from its first email).
 */
export async function requestInformation(ctx: PlatformContext, input: { actor: Actor; applicationId: string; question: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await applicationRow(tx, input.applicationId, true);
    authorize(input.actor, stakeholdersPolicy.requestInformation, applicationFacts(row, false));
    const org = await organisationRow(tx, row.organisationId);
    await tx.update(applications).set({ status: 'information-requested', version: row.version + 1 }).where(eq(applications.id, row.id));
    await addStep(tx, row.id, 'information-requested', input.question);
    await recordAudit(tx, { actor: input.actor, action: 'stakeholders.request-information', subjectType: 'stakeholder-application', subjectId: row.id, change: { question: input.question } });
    const to = applicantAddress(row);
    const mail = informationRequested(to.language, org.name, input.question, `${ctx.config.publicUrl}/${to.language}/accreditation/track`);
    await queueMail(tx, [{ to: to.to, subject: mail.subject, text: `${to.name},\n\n${mail.text}\n` }]);
    return { status: 'information-requested' as const };
  });
}

/** The applicant answers with its private link: the application is back before the Secretariat. */
export async function giveInformation(ctx: PlatformContext, input: { token: string; answer: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.trackingTokenHash, hashToken(input.token)));
    if (!found) throw notFound('The application');
    const row = await applicationRow(tx, found.id, true);
    if (row.status !== 'information-requested') throw conflict('The Secretariat has asked for nothing more.', 'no-information-requested');
    await tx.update(applications).set({ status: 'submitted', version: row.version + 1 }).where(eq(applications.id, row.id));
    await addStep(tx, row.id, 'information-given', input.answer);
    await recordAudit(tx, { actor: null, action: 'stakeholders.give-information', subjectType: 'stakeholder-application', subjectId: row.id, change: { answer: input.answer } });
    return { status: 'submitted' as const };
  });
}
