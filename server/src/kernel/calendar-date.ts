import { z } from 'zod';

/**
 * A calendar date, checked for real: 2023-02-30 is refused, and so is a year before 1000 (year 0
 * does not exist in the calendar PostgreSQL keeps, and no date of the record is that old).
 */
export function isCalendarDate(s: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The request schema of a calendar date (YYYY-MM-DD), for every route that takes one. */
export const CalendarDate = z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD');
