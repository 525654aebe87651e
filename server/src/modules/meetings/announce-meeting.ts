import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor } from '../../kernel/actor.js';
import { authorize } from '../../platform/http/policy.js';
import { conflict } from '../../platform/http/problem.js';
import { meetingsPolicy } from './policy.js';
import type { MeetingView } from './reading.js';
import { syncReminders } from './reminders.js';
import { lockedMeeting } from './run-meeting.js';
import { meetings } from './tables.js';

/** The Secretariat announces a draft meeting (If-Match): it becomes planned and public, and its reminders are scheduled. */
export async function announceMeeting(db: Db, input: { actor: Actor; id: string; ifMatch: number }): Promise<MeetingView> {
  authorize(input.actor, meetingsPolicy.manage, undefined);
  return lockedMeeting(db, input.id, input.ifMatch, async (tx, current) => {
    if (!meetingsPolicy.announce.allows(input.actor, current)) throw conflict(`A meeting that is ${current.status} is announced already.`, 'meeting-status');
    const now = new Date();
    const next = { ...current, status: 'planned' as const, announcedAt: now, version: current.version + 1, updatedAt: now };
    await tx.update(meetings).set({ status: next.status, announcedAt: now, version: next.version, updatedAt: now }).where(eq(meetings.id, input.id));
    await recordAudit(tx, { actor: input.actor, action: 'meetings.announce', subjectType: 'meeting', subjectId: input.id, change: { from: 'draft', to: 'planned', version: next.version } });
    await syncReminders(tx, current, next);
    return next;
  });
}
