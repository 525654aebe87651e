import { offsetMinutesAt, wallClockAt } from '../../../kernel/local-time.js';

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, written from the zone rules the runtime
 * knows (Intl), covering the years asked for: one observance per change of offset, so a calendar
 * application places every event at the right instant without a time zone database of its own.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `+0530`, `-0400`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** `YYYYMMDDTHHMMSS` as the wall clock read just before the change (in the old offset). */
function localStamp(instant: Date, offsetMinutes: number): string {
  const d = new Date(instant.getTime() + offsetMinutes * 60_000);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The moments in [from, to) when the zone's offset changes, found to the minute. */
export function offsetTransitions(timeZone: string, from: Date, to: Date): { at: Date; offsetFrom: number; offsetTo: number }[] {
  const found: { at: Date; offsetFrom: number; offsetTo: number }[] = [];
  const step = 6 * 3_600_000; // no zone changes its offset twice within six hours
  let t = from.getTime();
  let offset = offsetMinutesAt(new Date(t), timeZone);
  while (t < to.getTime()) {
    const next = Math.min(t + step, to.getTime());
    const nextOffset = offsetMinutesAt(new Date(next), timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next; // offset(lo) = offset, offset(hi) = nextOffset
      while (hi - lo > 60_000) {
        const mid = lo + Math.max(60_000, Math.floor((hi - lo) / 2 / 60_000) * 60_000);
        if (offsetMinutesAt(new Date(mid), timeZone) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), offsetFrom: offset, offsetTo: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return found;
}

export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const start = new Date(Date.UTC(fromYear, 0, 1));
  const end = new Date(Date.UTC(toYear + 1, 0, 1));
  const initial = offsetMinutesAt(start, timeZone);
  const transitions = offsetTransitions(timeZone, start, end);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  // The offset in force at the start of the range; a change that adds time is daylight saving.
  const firstStandard = transitions.length === 0 || transitions[0]!.offsetTo > initial;
  const w = wallClockAt(start, timeZone);
  lines.push(
    `BEGIN:${firstStandard ? 'STANDARD' : 'DAYLIGHT'}`,
    `DTSTART:${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`,
    `TZOFFSETFROM:${formatOffset(initial)}`,
    `TZOFFSETTO:${formatOffset(initial)}`,
    `END:${firstStandard ? 'STANDARD' : 'DAYLIGHT'}`,
  );
  for (const t of transitions) {
    const kind = t.offsetTo > t.offsetFrom ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(t.at, t.offsetFrom)}`,
      `TZOFFSETFROM:${formatOffset(t.offsetFrom)}`,
      `TZOFFSETTO:${formatOffset(t.offsetTo)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}
