import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { meetings, registrations } from './tables.js';

/**
 * What other modules may ask of a meeting's floor: whether it is in session now, and whether a
 * State's delegation is there (registered and confirmed). The decisions module's adoption in a
 * meeting takes this as its `MeetingRoll`.
 */
export const meetingRoll = {
  async inSession(db: Executor, meetingId: string): Promise<{ timeZone: string } | null> {
    const [m] = await db.select({ status: meetings.status, timeZone: meetings.timeZone }).from(meetings).where(eq(meetings.id, meetingId));
    return m?.status === 'in-session' ? { timeZone: m.timeZone } : null;
  },
  async present(db: Executor, meetingId: string, state: string): Promise<boolean> {
    const [r] = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.state, state), eq(registrations.status, 'confirmed')));
    return !!r;
  },
};
