import { DateTime } from 'luxon';
import { badRequest } from './http/problem.js';

/** Deadlines stated in local time in a time zone (UN deadlines are usually New York or Geneva time). */

export type DeadlineProblem = 'invalid-zone' | 'invalid-time' | 'nonexistent-local-time' | 'in-the-past';

/**
 * A deadline stated in local time (e.g. 2027-03-15T12:00 in America/New_York) as an instant.
 * A local time skipped by a daylight-saving change (02:30 on the spring-forward night) does not exist
 * and is refused rather than moved; a repeated one (01:30 on the fall-back night) means its first
 * occurrence, and the offset is kept with the deadline so it is shown unambiguously.
 */
export function deadlineInstant(local: string, zone: string, now: Date): { at: Date; offset: string } | { problem: DeadlineProblem } {
  if (!DateTime.local().setZone(zone).isValid) return { problem: 'invalid-zone' };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return { problem: 'invalid-time' };
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { problem: 'invalid-time' };
  // Luxon moves a nonexistent local time forward; detect it by reading the wall clock back.
  const wall = dt.toFormat(local.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  if (wall !== local) return { problem: 'nonexistent-local-time' };
  // For a repeated hour (fall back) both readings exist: take the earlier instant.
  const earlier = [dt, ...dt.getPossibleOffsets()].sort((a, b) => a.toMillis() - b.toMillis())[0]!;
  const at = earlier.toJSDate();
  if (at.getTime() <= now.getTime()) return { problem: 'in-the-past' };
  return { at, offset: earlier.setZone(zone).toFormat('ZZ') };
}

/** The deadline as people read it: "15 March 2027, 12:00 (America/New_York, UTC−04:00)". */
export function deadlineLabel(at: Date, zone: string, locale = 'en'): string {
  const dt = DateTime.fromJSDate(at).setZone(zone).setLocale(locale);
  return `${dt.toLocaleString(DateTime.DATETIME_FULL)} (${zone})`;
}


/** A deadline, or a 400 problem naming the field that is wrong. */
export function requireDeadline(local: string, zone: string, now: Date, fields = { time: 'body.deadlineLocal', zone: 'body.zone' }): { at: Date; offset: string } {
  const deadline = deadlineInstant(local, zone, now);
  if (!('problem' in deadline)) return deadline;
  const messages: Record<DeadlineProblem, [string, string]> = {
    'invalid-zone': [fields.zone, 'not an IANA time zone (e.g. America/New_York)'],
    'invalid-time': [fields.time, 'a local date and time, YYYY-MM-DDTHH:mm'],
    'nonexistent-local-time': [fields.time, 'this local time does not exist in that zone (daylight-saving change)'],
    'in-the-past': [fields.time, 'in the past'],
  };
  const [field, message] = messages[deadline.problem];
  throw badRequest(`The deadline is not valid: ${message}.`, [{ field, message }]);
}
