import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { badRequest, conflict } from '../../platform/http/problem.js';
import { postponementProblems } from './meeting-rules.js';
import { noticeToDelegations } from './notify-delegations.js';
import { meetingsPolicy } from './policy.js';
import type { MeetingRow, MeetingView } from './reading.js';
import { syncReminders } from './reminders.js';
import { lockedMeeting } from './run-meeting.js';
import { instantsOf } from './schedule-meeting.js';
import { meetings } from './tables.js';

export interface Postponement {
  /** Wall-clock times (`YYYY-MM-DDTHH:mm`) in the meeting's time zone. */
  startsAt: string;
  endsAt: string;
  registrationDeadline?: string | null | undefined;
  reason: string;
}

/**
 * The Secretariat postpones an announced meeting not yet in session to new dates, with a reason
 * (If-Match). Its reminders move with the dates, the calendar feeds carry a higher SEQUENCE, and each
 * registered delegation is told once, in the same transaction. A deadline left out is dropped
 * unless it still falls before the new start.
 */
export async function postponeMeeting(db: Db, input: Postponement & { actor: Actor; id: string; ifMatch: number; publicUrl: string }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return lockedMeeting(db, input.id, input.ifMatch, async (tx, current) => {
    if (!meetingsPolicy.postpone.allows(input.actor, current)) throw conflict(`A meeting that is ${current.status} cannot be postponed.`, 'meeting-status');
    const times = instantsOf({ startsAt: input.startsAt, endsAt: input.endsAt, registrationDeadline: input.registrationDeadline ?? null, timeZone: current.timeZone });
    const later = postponementProblems(current, times);
    if (later.length) throw badRequest(later.map((p) => `body.${p.field}: ${p.message}`).join('; '), later.map((p) => ({ field: `body.${p.field}`, message: p.message })));
    if (input.registrationDeadline === undefined && current.registrationDeadline && current.registrationDeadline.getTime() <= times.startsAt.getTime()) {
      times.registrationDeadline = current.registrationDeadline;
    }
    const now = new Date();
    const next: MeetingRow = {
      ...current,
      ...times,
      postponedFrom: current.startsAt,
      postponeReason: input.reason,
      sequence: current.sequence + 1,
      version: current.version + 1,
      updatedAt: now,
    };
    await tx
      .update(meetings)
      .set({ ...times, postponedFrom: next.postponedFrom, postponeReason: input.reason, sequence: next.sequence, version: next.version, updatedAt: now })
      .where(eq(meetings.id, input.id));
    const notified = await noticeToDelegations(tx, next, input.publicUrl, { kind: 'postponed', from: current.startsAt });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.postpone',
      subjectType: 'meeting',
      subjectId: input.id,
      change: { from: current.startsAt, to: times.startsAt, endsAt: times.endsAt, registrationDeadline: times.registrationDeadline, reason: input.reason, sequence: next.sequence, version: next.version, notified },
    });
    await syncReminders(tx, current, next);
    return next;
  });
}
