import { DateTime } from 'luxon';

/**
 * The rules of accreditation on a non-objection basis, pure: when a period ends, what its outcome is,
 * and what the record of objections shows. No I/O here.
 */

/** Saturdays and Sundays are not working days (in the zone the period is stated in). */
const isWorkingDay = (d: DateTime): boolean => d.weekday <= 5;

/**
 * The local end of a period of `workingDays` working days from `from`, at `endTime` (HH:mm) in `zone`:
 * counted from the next day, so a batch circulated on a Monday with 10 working days ends on the Friday
 * of the following week. Returned as `yyyy-MM-ddTHH:mm` in the zone, to be checked as a deadline.
 */
export function periodEndLocal(from: Date, zone: string, workingDays: number, endTime: string): string {
  let day = DateTime.fromJSDate(from).setZone(zone).startOf('day');
  let left = workingDays;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day)) left -= 1;
  }
  return `${day.toFormat('yyyy-MM-dd')}T${endTime}`;
}

/** The working days an application's period lasts: shorter for an organisation in consultative status with ECOSOC. */
export const periodDays = (ecosoc: boolean, setting: { workingDays: number; ecosocWorkingDays: number }): number =>
  ecosoc ? setting.ecosocWorkingDays : setting.workingDays;

/** At the end of its period an application is accredited unless a State objected. */
export const periodOutcome = (objections: number): 'accredited' | 'not-accredited' => (objections === 0 ? 'accredited' : 'not-accredited');

/** Whether the period is still running at `now`: objections are taken until its end, not after. */
export const periodOpen = (endsAt: Date | null, now: Date): boolean => endsAt !== null && now.getTime() < endsAt.getTime();

export interface ObjectionFact {
  state: string;
  basis: string | null;
  nameShared: boolean;
}

export interface ObjectionRecord {
  count: number;
  /** The States that agreed to be named, in alphabetical order of code. */
  namedStates: string[];
  /** The general bases shared, in an order that does not follow who gave them. */
  bases: string[];
}

/**
 * What anyone may see of the objections to an application: how many, the States that agreed to be
 * named, and the bases shared. A basis is never tied to a State here (a basis next to the only named
 * State would name an anonymous one by elimination); bases are sorted by their text.
 */
export function objectionRecord(objections: readonly ObjectionFact[]): ObjectionRecord {
  return {
    count: objections.length,
    namedStates: objections.filter((o) => o.nameShared).map((o) => o.state).sort(),
    bases: objections.flatMap((o) => (o.basis ? [o.basis] : [])).sort(),
  };
}
