import { randomUUID } from 'node:crypto';
import type { PlatformContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/record.js';
import { digestOf } from '../../platform/audit/canonical.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest } from '../../platform/http/problem.js';
import { requireDeadline } from '../../platform/deadline.js';
import { scheduleJob } from '../../platform/jobs/runner.js';
import { frameworkSnapshot } from '../framework/index.js';
import { buildQuestionnaire } from './questionnaire.js';
import { reportingPolicy } from './policy.js';
import { REMINDER_DAYS, REMINDER_JOB } from './reminders.js';
import { questionnaires, reportingCycles } from './tables.js';

/**
 * The Secretariat opens a reporting cycle: the questionnaire is built from the framework as it stands
 * today, with the recommendations adopted by now, and the cycle keeps that version.
 */
export async function openCycle(
  ctx: PlatformContext,
  input: {
    actor: Actor;
    title: string;
    periodStart: string;
    periodEnd: string;
    deadlineLocal: string;
    zone: string;
    /** When the cycle opens: now, except to record a cycle of the past (the demo's last year). */
    openedAt?: Date;
  },
) {
  authorize(input.actor, reportingPolicy.openCycle, undefined);
  if (input.periodEnd < input.periodStart) throw badRequest('The period ends before it starts.', [{ field: 'body.periodEnd', message: 'before periodStart' }]);
  const now = input.openedAt ?? new Date();
  const deadline = requireDeadline(input.deadlineLocal, input.zone, now);
  const openedOn = now.toISOString().slice(0, 10);
  const db = ctx.database.db;
  const sections = buildQuestionnaire(await frameworkSnapshot(db, openedOn));
  return db.transaction(async (tx) => {
    const questionnaireId = randomUUID();
    await tx.insert(questionnaires).values({ id: questionnaireId, builtOn: openedOn, sections, createdAt: now });
    const id = randomUUID();
    const deadlineLocal = `${input.deadlineLocal}${deadline.offset}`;
    await tx.insert(reportingCycles).values({
      id,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      openedOn,
      deadlineAt: deadline.at,
      deadlineZone: input.zone,
      deadlineLocal,
      questionnaireId,
      createdBy: input.actor.accountId,
      createdAt: now,
    });
    for (const days of REMINDER_DAYS) {
      const runAt = new Date(deadline.at.getTime() - days * 86_400_000);
      // Only reminders still ahead: a cycle recorded after the fact has none due.
      if (runAt > new Date()) await scheduleJob(tx, { kind: REMINDER_JOB, key: `${REMINDER_JOB}:${id}:${days}`, runAt, payload: { cycleId: id, days } });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'reporting.open-cycle',
      subjectType: 'reporting-cycle',
      subjectId: id,
      change: { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, deadlineAt: deadline.at, zone: input.zone, questionnaire: digestOf(sections) },
      details: { title: input.title, deadlineLocal, sections: sections.length },
    });
    return { id, questionnaireId, sections: sections.length, deadlineAt: deadline.at, deadlineLocal };
  });
}
