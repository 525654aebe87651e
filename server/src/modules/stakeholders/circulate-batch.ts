import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { queueMail } from '../../platform/mail/queue.js';
import { authorize } from '../../platform/http/policy.js';
import { requireDeadline } from '../../platform/deadline.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { isTimeZone } from '../../kernel/local-time.js';
import { badRequest } from '../../platform/http/problem.js';
import type { Actor } from '../../kernel/actor.js';
import { focalPointContacts } from '../accounts/index.js';
import { addStep, applicantAddress, applicationFacts, applicationRow, organisationRow } from './applications.js';
import { applicationCirculated, batchCirculated } from './mail-texts.js';
import { periodDays, periodEndLocal } from './non-objection.js';
import { stakeholdersPolicy } from './policy.js';
import { applications, batches } from './tables.js';

export const NON_OBJECTION_JOB = 'stakeholders.non-objection-period';

/**
 * The Secretariat circulates complete applications to the States in a batch. Each application's
 * non-objection period runs for the working days of the settings (fewer for an organisation in
 * consultative status with ECOSOC) and ends at a stated local time in a stated zone, or at one end
 * given for all; a durable job closes each period. Every focal point is told, and every applicant.
 */
export async function circulateBatch(ctx: PlatformContext, input: { actor: Actor; applicationIds: string[]; zone: string; endTime: string; periodEndLocal?: string | undefined }) {
  authorize(input.actor, stakeholdersPolicy.manage, undefined);
  if (!isTimeZone(input.zone)) throw badRequest('The time zone is not known.', [{ field: 'body.zone', message: 'not an IANA time zone (e.g. America/New_York)' }]);
  const ids = [...new Set(input.applicationIds)];
  const now = new Date();
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('stakeholder-batches'))`);
    const [{ last }] = (await tx.select({ last: sql<number>`coalesce(max(${batches.number}), 0)::int` }).from(batches)) as [{ last: number }];
    const batch = { id: randomUUID(), number: last + 1 };
    await tx.insert(batches).values({ id: batch.id, number: batch.number, circulatedAt: now, circulatedBy: input.actor.accountId, zone: input.zone });
    const periods: { applicationId: string; endsAt: Date; endLocal: string }[] = [];
    for (const [i, id] of ids.entries()) {
      const row = await applicationRow(tx, id, true);
      authorize(input.actor, stakeholdersPolicy.circulate, applicationFacts(row, false));
      const org = await organisationRow(tx, row.organisationId);
      const local =
        input.periodEndLocal ?? periodEndLocal(now, input.zone, periodDays(org.ecosocStatus !== null, ctx.config.nonObjection), input.endTime);
      const end = requireDeadline(local, input.zone, now, { time: input.periodEndLocal ? 'body.periodEndLocal' : `body.applicationIds.${i}`, zone: 'body.zone' });
      const endLocal = `${local}${end.offset}`;
      await tx
        .update(applications)
        .set({ status: 'circulated', batchId: batch.id, periodEndsAt: end.at, periodZone: input.zone, periodEndLocal: endLocal, version: row.version + 1 })
        .where(eq(applications.id, row.id));
      await addStep(tx, row.id, 'circulated', endLocal, now);
      await scheduleJob(tx, { kind: NON_OBJECTION_JOB, key: `${NON_OBJECTION_JOB}:${row.id}`, runAt: end.at, payload: { applicationId: row.id } });
      periods.push({ applicationId: row.id, endsAt: end.at, endLocal });
      const to = applicantAddress(row);
      const mail = applicationCirculated(to.language, org.name, end.at, input.zone, `${ctx.config.publicUrl}/${to.language}/accreditation/track`);
      await queueMail(tx, [{ to: to.to, subject: mail.subject, text: `${to.name},\n\n${mail.text}\n` }]);
    }
    await recordAudit(tx, { actor: input.actor, action: 'stakeholders.circulate-batch', subjectType: 'stakeholder-batch', subjectId: batch.id, change: { number: batch.number, zone: input.zone, periods } });
    const messages = (await focalPointContacts(tx)).map((fp) => {
      const { subject, text } = batchCirculated(fp.language, ctx.config.publicUrl, { ...batch, count: ids.length });
      return { to: fp.email, subject, text: `${fp.name},\n\n${text}\n` };
    });
    await queueMail(tx, messages);
    return { id: batch.id, number: batch.number, periods };
  });
}
