import { DateTime } from 'luxon';
import { fromLocal, isoOffset, isTimeZone, offsetMinutesAt } from './local-time.js';

/** Deadlines stated in local time in a time zone (UN deadlines are usually New York or Geneva time). */

export type DeadlineProblem = 'invalid-zone' | 'invalid-time' | 'nonexistent-local-time' | 'in-the-past';

/**
 * A deadline stated in local time (e.g. 2027-03-15T12:00 in America/New_York) as an instant.
 * A local time skipped by a daylight-saving change (02:30 on the spring-forward night) does not exist
 * and is refused rather than moved; a repeated one (01:30 on the fall-back night) means its first
 * occurrence, and the offset is kept with the deadline so it is shown unambiguously.
 */
export function deadlineInstant(local: string, zone: string, now: Date): { at: Date; offset: string } | { problem: DeadlineProblem } {
  if (!isTimeZone(zone)) return { problem: 'invalid-zone' };
  const found = fromLocal(local, zone);
  if (!found.ok) return { problem: found.reason === 'nonexistent' ? 'nonexistent-local-time' : 'invalid-time' };
  const at = found.instant;
  if (at.getTime() <= now.getTime()) return { problem: 'in-the-past' };
  return { at, offset: isoOffset(offsetMinutesAt(at, zone)) };
}

/** The deadline as people read it: "15 March 2027, 12:00 (America/New_York, UTC−04:00)". */
export function deadlineLabel(at: Date, zone: string, locale = 'en'): string {
  const dt = DateTime.fromJSDate(at).setZone(zone).setLocale(locale);
  return `${dt.toLocaleString(DateTime.DATETIME_FULL)} (${zone})`;
}
