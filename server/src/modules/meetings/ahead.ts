import { and, asc, eq, gte, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { meetingFacts, ownDelegation } from './can.js';
import { meetingsPolicy } from './policy.js';
import { listMeetings, toMeetingView } from './reading.js';
import { delegationName, delegationOf } from './registration/register-delegation.js';
import { meetings, registrations } from './tables.js';

/**
 * The meetings coming in the next days (or in session now), each with the caller's own delegation's
 * registration and whether it may register now (the rule of the meeting's `can` block): what a
 * person's "My PoA" shows. A delegation sees its own registration only; the meetings are public.
 */
export async function meetingsAhead(db: Executor, actor: Actor | null, input: { until: Date; now?: Date }) {
  const now = input.now ?? new Date();
  const rows = (await listMeetings(db, { from: now, to: input.until, limit: 50 }, actor)).filter((m) => m.status !== 'closed' && m.status !== 'cancelled');
  if (rows.length === 0) return [];
  const own = await ownDelegation(db, actor);
  const d = own?.delegation;
  const mine = d
    ? await db
        .select({ id: registrations.id, meetingId: registrations.meetingId, status: registrations.status })
        .from(registrations)
        .where(and(inArray(registrations.meetingId, rows.map((m) => m.id)), d.kind === 'state' ? eq(registrations.state, d.state) : eq(registrations.organisationId, d.organisationId)))
    : [];
  return rows.map((m) => {
    const registration = mine.find((r) => r.meetingId === m.id) ?? null;
    const facts = meetingFacts(m, own, null, now);
    return {
      meeting: toMeetingView(m, now),
      registration: registration ? { id: registration.id, status: registration.status } : null,
      can: { register: meetingsPolicy.registerOwn.allows(actor, facts) },
    };
  });
}

/**
 * Registrations submitted and not yet confirmed, for meetings not yet over, oldest meeting first:
 * for the Secretariat alone (everyone else gets none).
 */
export async function registrationsToConfirm(db: Executor, actor: Actor | null, now = new Date()) {
  if (!meetingsPolicy.confirm.allows(actor, undefined)) return [];
  const rows = await db
    .select({ registration: registrations, meeting: meetings })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .where(and(eq(registrations.status, 'submitted'), gte(meetings.endsAt, now), notInArray(meetings.status, ['closed', 'cancelled'])))
    .orderBy(asc(meetings.startsAt), asc(registrations.submittedAt))
    .limit(100);
  return Promise.all(
    rows.map(async ({ registration: r, meeting: m }) => ({
      id: r.id,
      delegation: delegationOf(r),
      delegationName: await delegationName(db, delegationOf(r)).catch(() => ''),
      submittedAt: r.submittedAt,
      meeting: { id: m.id, title: m.title, startsAt: m.startsAt, timeZone: m.timeZone },
      can: { confirm: meetingsPolicy.confirmRegistration.allows(actor, { status: r.status }) },
    })),
  );
}
