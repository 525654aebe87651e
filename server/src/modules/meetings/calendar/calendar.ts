import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Db, Executor } from '../../../platform/db/database.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Actor } from '../../../kernel/actor.js';
import { authorize } from '../../../platform/http/policy.js';
import { notFound } from '../../../platform/http/problem.js';
import { meetingsPolicy } from '../policy.js';
import { meetingsOfAccount, type MeetingRow } from '../reading.js';
import { calendarFeeds } from '../tables.js';
import { wallClockAt } from '../../../kernel/local-time.js';
import { vtimezone } from './vtimezone.js';

/**
 * iCalendar feeds of meetings: each event in the meeting's own time zone (DTSTART;TZID=…), with the
 * VTIMEZONE that defines it, so that calendar applications show it at the right time anywhere.
 */

const KIND_LABEL: Record<MeetingRow['kind'], string> = {
  'annual-meeting': 'Annual meeting',
  'review-conference': 'Review conference',
  'twg-meeting': 'Technical working group meeting',
  'founding-conference': 'Founding conference',
  'organizational-session': 'Organizational session',
  'informal-consultation': 'Informal consultation',
};

/**
 * A wall-clock time in the shape of a Temporal.PlainDateTime, which ical-generator writes as is with
 * the event's TZID (a plain Date would be written in the server's own zone).
 */
function plainDateTime(instant: Date, timeZone: string) {
  const w = wallClockAt(instant, timeZone);
  const plain = {
    ...w,
    toPlainDate: () => ({ year: w.year, month: w.month, day: w.day }),
    toJSON: () => `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}:00`,
    toString: () => plain.toJSON(),
    toZonedDateTime: (zone: string) => {
      const zoned = {
        ...w,
        timeZoneId: zone,
        toPlainDateTime: () => plain,
        withTimeZone: () => zoned,
        toInstant: () => ({ epochMilliseconds: instant.getTime() }),
        toString: () => `${plain.toJSON()}[${zone}]`,
        toJSON: () => `${plain.toJSON()}[${zone}]`,
      };
      return zoned;
    },
  };
  return plain;
}

export function meetingsCalendar(options: { name: string; publicUrl: string; meetings: readonly MeetingRow[] }): string {
  const years = options.meetings.flatMap((m) => [m.startsAt.getUTCFullYear(), m.endsAt.getUTCFullYear()]);
  const from = years.length ? Math.min(...years) - 1 : 2000;
  const to = years.length ? Math.max(...years) + 1 : 2000;
  const host = new URL(options.publicUrl).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'United Nations PoA on ICTs', product: 'PoA Platform', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
    url: `${options.publicUrl}/en/calendar`,
    // One VTIMEZONE per zone the events use, covering the years they span.
    timezone: { name: null, generator: (zone: string) => vtimezone(zone, from, to) },
  });
  for (const m of options.meetings) {
    const link = `${options.publicUrl}/en/meetings/${m.id}`;
    const description = [
      `${KIND_LABEL[m.kind]}${m.sessionNumber ? `, session ${m.sessionNumber}` : ''}`,
      `Format: ${m.format}`,
      `Status: ${m.status}`,
      ...(m.status === 'cancelled' && m.cancelReason ? [`Cancelled: ${m.cancelReason}`] : []),
      ...(m.postponedFrom && m.postponeReason ? [`Postponed: ${m.postponeReason}`] : []),
      link,
    ].join('\n');
    calendar.createEvent({
      id: `meeting-${m.id}@${host}`,
      // Goes up with each change of the schedule (times, postponement, cancellation), so calendars replace the event.
      sequence: m.sequence,
      start: plainDateTime(m.startsAt, m.timeZone),
      end: plainDateTime(m.endsAt, m.timeZone),
      timezone: m.timeZone,
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      summary: m.title.en,
      description,
      location: m.venue ?? (m.format === 'virtual' ? 'Online' : null),
      url: link,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

// ---- private feeds -----------------------------------------------------------------------------

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The path of an account's private feed; the token is its only credential. */
export const privateFeedPath = (token: string) => `/api/v1/calendar/feeds/${token}/meetings.ics`;

/** Creates the account's private feed, or replaces its link (the old one stops working). Returns the new secret link once. */
export async function issuePrivateFeed(db: Db, input: { actor: Actor; publicUrl: string }): Promise<{ url: string; createdAt: Date }> {
  authorize(input.actor, meetingsPolicy.calendarFeed, undefined);
  const token = randomBytes(32).toString('base64url');
  const createdAt = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ accountId: input.actor.accountId, tokenHash: digest(token), createdAt })
      .onConflictDoUpdate({ target: calendarFeeds.accountId, set: { tokenHash: digest(token), createdAt } });
    await recordAudit(tx, { actor: input.actor, action: 'meetings.issue-calendar-feed', subjectType: 'account', subjectId: input.actor.accountId, change: { createdAt } });
  });
  return { url: `${input.publicUrl}${privateFeedPath(token)}`, createdAt };
}

/** Revokes the account's private feed: its link stops working at once. */
export async function revokePrivateFeed(db: Db, input: { actor: Actor }): Promise<void> {
  authorize(input.actor, meetingsPolicy.calendarFeed, undefined);
  await db.transaction(async (tx) => {
    const gone = await tx.delete(calendarFeeds).where(eq(calendarFeeds.accountId, input.actor.accountId)).returning({ accountId: calendarFeeds.accountId });
    if (gone.length === 0) throw notFound('A private calendar feed');
    await recordAudit(tx, { actor: input.actor, action: 'meetings.revoke-calendar-feed', subjectType: 'account', subjectId: input.actor.accountId, change: { revokedAt: new Date() } });
  });
}

export async function privateFeedStatus(db: Executor, actor: Actor): Promise<{ active: boolean; createdAt: Date | null }> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.accountId, actor.accountId));
  return { active: !!row, createdAt: row?.createdAt ?? null };
}

/** The meetings of the account a feed token belongs to; 404 for an unknown or revoked token. */
export async function meetingsOfFeed(db: Executor, token: string): Promise<MeetingRow[]> {
  const [row] = await db.select({ accountId: calendarFeeds.accountId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, digest(token)));
  if (!row) throw notFound('This calendar feed');
  return meetingsOfAccount(db, row.accountId);
}
