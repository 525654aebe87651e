import { i18n } from '../app/i18n';
import type { Language } from '../app/languages';
import { zoneName } from './zones';
import { isolated, isolatedLatin } from './localized';

export { isolated };

/*
 * Every date and time the web app shows is written here, in the page's language:
 *  - calendar dates (a document's date, the day a framework version takes effect): a day as written,
 *    in no time zone;
 *  - instants in a named zone (a meeting, a deadline, a cycle): as the clocks show them in the zone
 *    they were set in, with the zone named (time zones themselves are in ./time-zones);
 *  - instants for the reader (a save, a submission, a session): in the reader's own zone;
 *  - what is left until a deadline.
 */

const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at);
/** A calendar date (YYYY-MM-DD, or the date part of a longer string) as midnight UTC, to be formatted in UTC. */
const dayOf = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** A calendar date (YYYY-MM-DD): "15 March 2027"; with `weekday`, "Monday 15 March 2027". Anything else as given. */
export function formatDate(date: string, lang: Language, { weekday = false }: { weekday?: boolean } = {}): string {
  const day = dayOf(date);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: weekday ? 'full' : 'long', timeZone: 'UTC' }).format(day);
}

/** From one calendar date to another, shortly: a reporting period ("1 Jan – 31 Dec 2026"). */
export function formatPeriod(start: string, end: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(dayOf(start), dayOf(end));
}

/** A month (YYYY-MM): "March 2027". */
export function formatMonth(month: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.slice(0, 7)}-15T00:00:00Z`));
}

/** The day of the week of a calendar date (YYYY-MM-DD), in full ("Monday") or short ("Mon"). */
export function formatWeekday(date: string, lang: Language, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(dayOf(date));
}

/** The day an instant falls on, for the reader (in their own zone): "15 March 2027". */
export function formatDay(at: string | Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(toDate(at));
}

/**
 * An instant for the reader, in their own zone, with that zone's short name after it: "Mar 15, 2027,
 * 12:00 PM GMT+1" (where no meeting or deadline gives the instant a zone of its own; those use
 * `formatInZone`). Every time the platform shows says which zone it is in (#17 item 5).
 */
export function formatInstant(at: string | Date, lang: Language): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the fields are given one by one.
  // The zone's short name (UTC, GMT+1) is Latin in every language: isolated in the text itself on pages in
  // another script, so it keeps its order and reads as the code it is.
  return isolatedLatin(new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(toDate(at)), lang);
}

/** The time of day of an instant, for the reader, with the reader's zone: "12:05 GMT+1". */
export function formatTime(at: string | Date, lang: Language): string {
  return isolatedLatin(new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(toDate(at)), lang);
}

/** The clock of a time zone at an instant, with the seconds: what a countdown shows beside it. */
export function formatClock(at: string | Date, zone: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'medium', timeZone: zone }).format(toDate(at));
}

export interface ZoneFormat {
  /** With the time of day (the default), or the date alone. */
  time?: boolean;
  /** With the seconds (a countdown's clock). */
  seconds?: boolean;
  /** With the zone named after it: "… (Central European Time, time zone Europe/Zurich)" (the default). */
  named?: boolean;
  /** With the day of the week ("Friday 15 March 2027"): a deadline people count days to. */
  weekday?: boolean;
}


/** A zone named after a time, in the page's language: "(Central European Time, time zone Europe/Zurich)". */
function named(time: string, zone: string, lang: Language, at: Date): string {
  return i18n.t('common.inZone', { lng: lang, time, zone: zoneName(zone, lang, at), id: isolated(zone, lang) });
}

/**
 * An instant as the clocks show it in a time zone, in the page's language, and by default with the
 * zone named: "15 March 2027 at 12:00 (Central European Time, time zone Europe/Zurich)".
 */
export function formatInZone(at: string | Date, zone: string, lang: Language, { time = true, seconds = false, named: withName = true, weekday = false }: ZoneFormat = {}): string {
  const date = toDate(at);
  const wall = new Intl.DateTimeFormat(lang, { dateStyle: weekday ? 'full' : 'long', ...(time ? { timeStyle: seconds ? 'medium' : 'short', hourCycle: 'h23' as const } : {}), timeZone: zone }).format(date);
  return withName ? named(wall, zone, lang, date) : wall;
}

/** From one instant to another in a time zone, the zone named once: a meeting's dates. */
export function formatRangeInZone(from: string | Date, to: string | Date, zone: string, lang: Language): string {
  const start = toDate(from);
  const range = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: zone }).formatRange(start, toDate(to));
  return named(range, zone, lang, start);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What is left until a deadline, to the second: "3 days 04:05:06" ("04:05:06" on the last day), or
 * null once it has passed.
 */
export function formatTimeLeft(deadline: string | Date, now: Date, lang: Language): string | null {
  const left = toDate(deadline).getTime() - now.getTime();
  if (left <= 0) return null;
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86_400);
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days)} ${hms}` : hms;
}
