/**
 * Local wall-clock times in an IANA time zone, and the instants they name: the platform's one
 * conversion, from the zone rules the runtime knows (Intl). Instants are stored in UTC; a meeting or a
 * deadline carries the zone it was set in, and its times are entered and shown in that zone.
 */

/** `YYYY-MM-DDTHH:mm`: a wall-clock time to the minute, without zone, as people enter one. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`. */
const LOCAL_DATE_TIME_SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the name is a time zone this platform knows (IANA names, e.g. `America/New_York`, `Europe/Zurich`). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in a zone at an instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm` in the zone, for an instant. */
export function toLocal(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export type LocalToUtc = { ok: true; instant: Date } | { ok: false; reason: 'malformed' | 'nonexistent' };

/**
 * The instant of a wall-clock time in a zone (`YYYY-MM-DDTHH:mm`, seconds optional). A time skipped
 * when clocks go forward does not exist and is refused, never moved; a time that occurs twice when
 * clocks go back is taken at its first occurrence.
 */
export function fromLocal(local: string, timeZone: string): LocalToUtc {
  const m = LOCAL_DATE_TIME_SECONDS.exec(local);
  if (!m) return { ok: false, reason: 'malformed' };
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return { ok: false, reason: 'malformed' };
  // Offsets change on the minute: find the minute, then add the seconds.
  const minute = local.slice(0, 16);
  // Try the offsets in force a day either side: the earlier occurrence wins.
  const candidates = [...new Set([offsetMinutesAt(new Date(naive - 86_400_000), timeZone), offsetMinutesAt(new Date(naive + 86_400_000), timeZone)])]
    .map((offset) => new Date(naive - offset * 60_000))
    .filter((instant) => toLocal(instant, timeZone) === minute)
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ? { ok: true, instant: new Date(candidates[0].getTime() + s * 1000) } : { ok: false, reason: 'nonexistent' };
}

/** `+05:30`, `-04:00`, `+00:00`: an offset from UTC as ISO 8601 writes it. */
export function isoOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
