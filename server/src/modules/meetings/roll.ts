import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { meetings, registrations } from './tables.js';

/**
 * What other modules may ask of a meeting's floor: whose meeting it is, whether it is in session now,
 * and whether a State's delegation is there (registered and confirmed). The decisions module's adoption in a
 * meeting takes this as its `MeetingRoll`.
 */
export const meetingRoll = {
  /** The body the meeting belongs to (`plenary`, or its working group's id), whether it is in session now, its time zone. */
  async floor(db: Executor, meetingId: string): Promise<{ body: string; inSession: boolean; timeZone: string } | null> {
    const [m] = await db.select({ status: meetings.status, timeZone: meetings.timeZone, groupId: meetings.groupId }).from(meetings).where(eq(meetings.id, meetingId));
    return m ? { body: m.groupId ?? 'plenary', inSession: m.status === 'in-session', timeZone: m.timeZone } : null;
  },
  async present(db: Executor, meetingId: string, state: string): Promise<boolean> {
    const [r] = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.state, state), eq(registrations.status, 'confirmed')));
    return !!r;
  },
};
