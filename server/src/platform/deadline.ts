import { deadlineInstant, type DeadlineProblem } from '../kernel/deadline.js';
import { badRequest } from './http/problem.js';

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
