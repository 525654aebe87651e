import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatMonth, formatPeriod, formatTime, formatTimeLeft, formatWeekday } from '../src/ui/dates';

describe('calendar dates', () => {
  it('are written as the day they name, whatever the reader’s zone', () => {
    expect(formatDate('2027-03-15', 'en')).toBe('March 15, 2027');
    expect(formatDate('2027-03-15T23:30:00-05:00', 'en')).toBe('March 15, 2027');
    expect(formatDate('2027-03-15', 'en', { weekday: true })).toBe('Monday, March 15, 2027');
    expect(formatDate('2027-03-15', 'fr')).toBe('15 mars 2027');
  });
  it('leave what is not a date as it is', () => {
    expect(formatDate('sometime', 'en')).toBe('sometime');
  });
  it('name a month, a weekday and a period', () => {
    expect(formatMonth('2027-03', 'en')).toBe('March 2027');
    expect(formatWeekday('2024-01-01', 'en')).toBe('Monday');
    expect(formatWeekday('2024-01-01', 'en', 'short')).toBe('Mon');
    expect(formatPeriod('2026-01-01', '2026-12-31', 'en').replace(/\s/g, ' ')).toBe('Jan 1 – Dec 31, 2026');
  });
});

describe('time left until a deadline', () => {
  const now = new Date('2027-03-15T12:00:00Z');
  it('counts days, then hours, minutes and seconds', () => {
    expect(formatTimeLeft('2027-03-18T16:05:06Z', now, 'en')).toBe('3 days 04:05:06');
    expect(formatTimeLeft('2027-03-16T12:00:00Z', now, 'en')).toBe('1 day 00:00:00');
    expect(formatTimeLeft('2027-03-15T12:00:59Z', now, 'en')).toBe('00:00:59');
  });
  it('is nothing once the deadline has passed', () => {
    expect(formatTimeLeft('2027-03-15T12:00:00Z', now, 'en')).toBeNull();
    expect(formatTimeLeft('2027-03-14T12:00:00Z', now, 'en')).toBeNull();
  });
});

describe('every time says its zone (#17 item 5f)', () => {
  const at = '2027-03-15T11:05:00Z';
  it('an instant shown in the reader’s zone names that zone', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
      const zone = new Intl.DateTimeFormat(lang, { timeZoneName: 'short' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')!.value;
      expect(formatInstant(at, lang)).toContain(zone);
      expect(formatTime(at, lang)).toContain(zone);
    }
  });

  it('a zone named in Latin letters is isolated on a page in another script, and only there', () => {
    for (const lang of ['ru', 'zh', 'ar'] as const) {
      const zone = new Intl.DateTimeFormat(lang, { timeZoneName: 'short' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')!.value;
      const latin = zone.match(/[A-Za-z]+/)?.[0];
      if (latin) expect(formatInstant(at, lang)).toContain(`\u2066${latin}\u2069`);
    }
    expect(formatInstant(at, 'fr')).not.toMatch(/[\u2066\u2069]/);
  });
});
