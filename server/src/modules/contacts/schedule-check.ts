import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { listStates } from '../states/index.js';
import { contactsPolicy } from './policy.js';
import { contactCheckTargets, contactChecks, contactPocs, type CheckScope } from './tables.js';
import { CHECK_ESCALATE_JOB, CHECK_REMIND_JOB, CHECK_SEND_JOB } from './check-jobs.js';

/**
 * The Secretariat schedules a reachability check. In one transaction: the check, one target per
 * current POC in its scope (each to be messaged exactly once), the three durable jobs that send,
 * remind and escalate, and the audit event. The mail itself is written by the send job.
 */
export async function scheduleCheck(
  ctx: PlatformContext,
  input: { actor: Actor; scope: CheckScope; remindAfterHours: number; escalateAfterHours: number; expiresAfterHours: number },
) {
  authorize(input.actor, contactsPolicy.scheduleCheck, undefined);
  if (input.escalateAfterHours <= input.remindAfterHours)
    throw badRequest('Escalation comes after the reminder.', [{ field: 'body.escalateAfterHours', message: 'must be later than remindAfterHours' }]);
  const db = ctx.database.db;
  return db.transaction(async (tx) => {
    const scope = input.scope;
    let stateFilter: string[] | null = null;
    if (scope.kind === 'group') stateFilter = (await listStates(tx, { group: scope.group })).map((s) => s.iso3);
    if (scope.kind === 'states') stateFilter = [...new Set(scope.states)];
    const pocs = await tx
      .select({ id: contactPocs.id, state: contactPocs.state, role: contactPocs.role })
      .from(contactPocs)
      .where(
        and(
          eq(contactPocs.status, 'current'),
          stateFilter ? inArray(contactPocs.state, stateFilter.length ? stateFilter : ['']) : undefined,
          scope.kind === 'role' ? eq(contactPocs.role, scope.role) : undefined,
        ),
      );
    if (pocs.length === 0) throw badRequest('No current point of contact falls in this scope.', [{ field: 'body.scope', message: 'no point of contact' }]);
    const id = randomUUID();
    const now = new Date();
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    await tx.insert(contactChecks).values({
      id,
      scope,
      createdBy: input.actor.accountId,
      createdAt: now,
      remindAfterHours: input.remindAfterHours,
      escalateAfterHours: input.escalateAfterHours,
      expiresAt: hours(input.expiresAfterHours),
    });
    await tx.insert(contactCheckTargets).values(pocs.map((p) => ({ id: randomUUID(), checkId: id, pocId: p.id, state: p.state, role: p.role })));
    await scheduleJob(tx, { kind: CHECK_SEND_JOB, key: `${CHECK_SEND_JOB}:${id}`, runAt: now, payload: { checkId: id } });
    await scheduleJob(tx, { kind: CHECK_REMIND_JOB, key: `${CHECK_REMIND_JOB}:${id}`, runAt: hours(input.remindAfterHours), payload: { checkId: id } });
    await scheduleJob(tx, { kind: CHECK_ESCALATE_JOB, key: `${CHECK_ESCALATE_JOB}:${id}`, runAt: hours(input.escalateAfterHours), payload: { checkId: id } });
    await recordAudit(tx, { actor: input.actor, action: 'contacts.schedule-check', subjectType: 'contact-check', subjectId: id, change: { scope, targets: pocs.length, remindAfterHours: input.remindAfterHours, escalateAfterHours: input.escalateAfterHours, expiresAfterHours: input.expiresAfterHours } });
    return { id, targets: pocs.length };
  });
}
