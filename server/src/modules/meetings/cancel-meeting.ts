import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { noticeToDelegations } from './notify-delegations.js';
import { meetingsPolicy } from './policy.js';
import type { MeetingRow, MeetingView } from './reading.js';
import { syncReminders } from './reminders.js';
import { lockedMeeting } from './run-meeting.js';
import { meetings } from './tables.js';

/**
 * The Secretariat cancels an announced meeting not yet in session, with a reason (If-Match). Its
 * reminders are withdrawn, the calendar feeds carry STATUS:CANCELLED with a higher SEQUENCE, and
 * each registered delegation is told once, in the same transaction.
 */
export async function cancelMeeting(db: Db, input: { actor: Actor; id: string; ifMatch: number; reason: string; publicUrl: string }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return lockedMeeting(db, input.id, input.ifMatch, async (tx, current) => {
    if (!meetingsPolicy.cancel.allows(input.actor, current)) throw conflict(`A meeting that is ${current.status} cannot be cancelled.`, 'meeting-status');
    const now = new Date();
    const next: MeetingRow = { ...current, status: 'cancelled', cancelledAt: now, cancelReason: input.reason, sequence: current.sequence + 1, version: current.version + 1, updatedAt: now };
    await tx
      .update(meetings)
      .set({ status: next.status, cancelledAt: now, cancelReason: input.reason, sequence: next.sequence, version: next.version, updatedAt: now })
      .where(eq(meetings.id, input.id));
    const notified = await noticeToDelegations(tx, next, input.publicUrl, { kind: 'cancelled' });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'meetings.cancel',
      subjectType: 'meeting',
      subjectId: input.id,
      change: { from: current.status, to: 'cancelled', reason: input.reason, sequence: next.sequence, version: next.version, notified },
    });
    await syncReminders(tx, current, next);
    return next;
  });
}
