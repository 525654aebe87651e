import { wallClockAt } from '../../kernel/local-time.js';
import { LANGUAGES, type Language } from '../../kernel/languages.js';
import type { WorkingHours } from './tables.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an instant falls inside a POC's working hours, read on the wall clock of its own zone.
 * A span whose end is before its start runs past midnight (a night shift): it belongs to the day it starts.
 */
export function withinWorkingHours(hours: WorkingHours, zone: string, at: Date): boolean {
  const clock = wallClockAt(at, zone);
  const weekday = ((new Date(Date.UTC(clock.year, clock.month - 1, clock.day)).getUTCDay() + 6) % 7) + 1;
  const minute = clock.hour * 60 + clock.minute;
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return hours.days.includes(weekday);
  if (from < to) return hours.days.includes(weekday) && minute >= from && minute < to;
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return (hours.days.includes(weekday) && minute >= from) || (hours.days.includes(yesterday) && minute < to);
}

/** The language of a POC's emails: the first UN language it works in, English otherwise. */
export function mailLanguageOf(languages: readonly string[]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0] as Language;
    if ((LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}
