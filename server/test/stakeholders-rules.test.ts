import { describe, expect, it } from 'vitest';
import { objectionRecord, periodDays, periodEndLocal, periodOpen, periodOutcome } from '../src/modules/stakeholders/non-objection.js';

describe('the non-objection period', () => {
  it('counts working days from the day after circulation, skipping weekends in the zone', () => {
    // Monday 1 March 2027, 10:00 in New York: ten working days end on Monday 15 March.
    expect(periodEndLocal(new Date('2027-03-01T15:00:00Z'), 'America/New_York', 10, '18:00')).toBe('2027-03-15T18:00');
    // Friday: five working days end on the next Friday.
    expect(periodEndLocal(new Date('2027-03-05T15:00:00Z'), 'America/New_York', 5, '12:00')).toBe('2027-03-12T12:00');
    // Late Friday evening in New York is already Saturday in Geneva: the count starts from the zone's own day.
    expect(periodEndLocal(new Date('2027-03-06T03:00:00Z'), 'America/New_York', 1, '18:00')).toBe('2027-03-08T18:00');
    expect(periodEndLocal(new Date('2027-03-06T03:00:00Z'), 'Europe/Zurich', 1, '18:00')).toBe('2027-03-08T18:00');
    expect(periodEndLocal(new Date('2027-03-04T23:30:00Z'), 'Europe/Zurich', 1, '18:00')).toBe('2027-03-08T18:00');
    expect(periodEndLocal(new Date('2027-03-04T23:30:00Z'), 'America/New_York', 1, '18:00')).toBe('2027-03-05T18:00');
  });

  it('is shorter for organisations in consultative status with ECOSOC, as the settings say', () => {
    const setting = { workingDays: 10, ecosocWorkingDays: 5 };
    expect(periodDays(true, setting)).toBe(5);
    expect(periodDays(false, setting)).toBe(10);
  });

  it('is open until its end, not at it; one objection is enough to refuse accreditation', () => {
    const end = new Date('2027-03-15T22:00:00Z');
    expect(periodOpen(end, new Date(end.getTime() - 1))).toBe(true);
    expect(periodOpen(end, end)).toBe(false);
    expect(periodOpen(null, end)).toBe(false);
    expect(periodOutcome(0)).toBe('accredited');
    expect(periodOutcome(1)).toBe('not-accredited');
  });
});

describe('the record of objections', () => {
  it('counts every objection, names only the States that agreed, and ties no basis to a State', () => {
    const record = objectionRecord([
      { state: 'NOR', basis: 'Zeta basis', nameShared: false },
      { state: 'FRA', basis: null, nameShared: true },
      { state: 'ARG', basis: 'Alpha basis', nameShared: true },
    ]);
    expect(record).toEqual({ count: 3, namedStates: ['ARG', 'FRA'], bases: ['Alpha basis', 'Zeta basis'] });
    expect(JSON.stringify(record)).not.toContain('NOR');
    expect(objectionRecord([])).toEqual({ count: 0, namedStates: [], bases: [] });
  });
});
