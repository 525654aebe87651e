import { describe, expect, it } from 'vitest';
import { fold, foldCharacters } from '../src/kernel/fold.js';
import { allTexts, inLanguage, LANGUAGES, localizedSchema } from '../src/kernel/languages.js';
import { fromLocal, isoOffset, isTimeZone, offsetMinutesAt, toLocal, wallClockAt } from '../src/kernel/local-time.js';
import { deadlineInstant } from '../src/kernel/deadline.js';
import { CalendarDate, isCalendarDate } from '../src/kernel/calendar-date.js';
import { actsForOrganisation, actsForState, hasRole, isFocalPointOf, isSecretariat, isSignedIn, type Actor } from '../src/kernel/actor.js';

// The kernel is pure: these tests need no database.

describe('the fold for matching', () => {
  it('ignores case and accents', () => {
    expect(fold('Türkiye')).toBe('turkiye');
    expect(fold('CÔTE')).toBe('cote');
    expect(fold('São Tomé and Príncipe')).toBe('sao tome and principe');
  });

  it('makes the apostrophes people type one, so a straight one finds the UN’s typographic one', () => {
    expect(fold('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(fold("Côte d'Ivoire")).toBe("cote d'ivoire");
    expect(fold('Côte d`Ivoire')).toBe("cote d'ivoire");
    expect(fold('Côte d’Ivoire')).toContain(fold("d'ivoire"));
  });

  it('folds every script, not only the Latin one', () => {
    expect(fold('РОССИЙСКАЯ Федерация')).toBe(fold('российская федерация'));
    expect(fold('Российская')).toBe('россииская'); // й is и with a breve: folded like é to e, in the query as in the text
    expect(fold('مِصْر')).toBe('مصر'); // Arabic short vowels are marks
    expect(fold('Ελλάδα')).toBe('ελλαδα');
    expect(fold('中国')).toBe('中国');
  });

  it('makes runs of spaces one and trims the ends', () => expect(fold('  Viet \n Nam\t')).toBe('viet nam'));

  it('folds character by character without touching spaces, as fold does inside a word', () => {
    expect(foldCharacters(' Côte  d’Ivoire ')).toBe(" cote  d'ivoire ");
    expect(fold('Côte  d’Ivoire')).toBe(foldCharacters('Côte d’Ivoire'));
  });
});

describe('texts in the six languages', () => {
  it('are the UN’s six, in the UN’s order', () => expect(LANGUAGES).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']));

  it('give the language asked for, or English marked as a fallback', () => {
    expect(inLanguage({ en: 'Agenda', fr: 'Ordre du jour' }, 'fr')).toEqual({ text: 'Ordre du jour', language: 'fr', fallback: false });
    expect(inLanguage({ en: 'Agenda' }, 'ar')).toEqual({ text: 'Agenda', language: 'en', fallback: true });
    expect(inLanguage({ en: 'Agenda' }, 'en')).toEqual({ text: 'Agenda', language: 'en', fallback: false });
  });

  it('list every text present, in the UN’s order', () => expect(allTexts({ es: 'E', en: 'A', ar: 'ع' })).toEqual(['ع', 'A', 'E']));

  it('require English, refuse an unknown language, an empty text and one too long', () => {
    const schema = localizedSchema(5);
    expect(schema.safeParse({ en: ' Hi ', fr: 'Salut' }).data).toEqual({ en: 'Hi', fr: 'Salut' });
    expect(schema.safeParse({ fr: 'Salut' }).success).toBe(false);
    expect(schema.safeParse({ en: 'Hi', de: 'Hallo' }).success).toBe(false);
    expect(schema.safeParse({ en: '   ' }).success).toBe(false);
    expect(schema.safeParse({ en: 'Hello!' }).success).toBe(false);
  });
});

describe('local wall-clock times in a zone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('local')).toBe(false); // the server's own zone is nobody's deadline
    expect(isTimeZone('UTC+3')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('converts a local time to its instant and back', () => {
    const r = fromLocal('2027-10-05T09:30', 'Europe/Zurich');
    expect(r).toEqual({ ok: true, instant: new Date('2027-10-05T07:30:00Z') });
    expect(toLocal(new Date('2027-10-05T07:30:00Z'), 'Europe/Zurich')).toBe('2027-10-05T09:30');
    expect(wallClockAt(new Date('2027-10-05T07:30:45Z'), 'Europe/Zurich')).toEqual({ year: 2027, month: 10, day: 5, hour: 9, minute: 30, second: 45 });
  });

  it('keeps seconds when given, and refuses impossible ones', () => {
    expect(fromLocal('2027-10-05T09:30:15', 'Europe/Zurich')).toEqual({ ok: true, instant: new Date('2027-10-05T07:30:15Z') });
    expect(fromLocal('2027-10-05T09:30:60', 'Europe/Zurich')).toEqual({ ok: false, reason: 'malformed' });
    expect(fromLocal('2027-10-05T24:00', 'Europe/Zurich')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a time the spring change skips, with or without seconds', () => {
    expect(fromLocal('2027-03-28T02:30', 'Europe/Zurich')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(fromLocal('2027-03-28T02:30:10', 'Europe/Zurich')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(fromLocal('2027-03-28T03:00', 'Europe/Zurich')).toEqual({ ok: true, instant: new Date('2027-03-28T01:00:00Z') });
  });

  it('takes the first of a time the autumn change repeats', () => {
    expect(fromLocal('2027-10-31T02:30', 'Europe/Zurich')).toEqual({ ok: true, instant: new Date('2027-10-31T00:30:00Z') });
    expect(fromLocal('2027-10-31T02:30:05', 'Europe/Zurich')).toEqual({ ok: true, instant: new Date('2027-10-31T00:30:05Z') });
  });

  it('writes offsets as ISO 8601 does', () => {
    expect(isoOffset(offsetMinutesAt(new Date('2027-07-01T00:00:00Z'), 'America/New_York'))).toBe('-04:00');
    expect(isoOffset(offsetMinutesAt(new Date('2027-07-01T00:00:00Z'), 'Asia/Kolkata'))).toBe('+05:30');
    expect(isoOffset(0)).toBe('+00:00');
  });
});

describe('deadlines', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('are the same instant as the conversion gives, with the offset in force', () =>
    expect(deadlineInstant('2027-10-31T02:30', 'Europe/Zurich', now)).toEqual({ at: new Date('2027-10-31T00:30:00Z'), offset: '+02:00' }));
  it('name what is wrong', () => {
    expect(deadlineInstant('2027-03-28T02:30', 'Europe/Zurich', now)).toEqual({ problem: 'nonexistent-local-time' });
    expect(deadlineInstant('2027-03-28T12:00', 'local', now)).toEqual({ problem: 'invalid-zone' });
    expect(deadlineInstant('2027-03-28T25:00', 'UTC', now)).toEqual({ problem: 'invalid-time' });
  });
});

describe('calendar dates', () => {
  it('exist', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-28')).toBe(false);
  });
  it('are checked by the request schema too', () => {
    expect(CalendarDate.safeParse('2027-04-31').success).toBe(false);
    expect(CalendarDate.safeParse('2027-04-30').success).toBe(true);
  });
});

describe('who is acting', () => {
  const actor = (over: Partial<Actor>): Actor => ({ accountId: 'a', sessionId: 's', name: 'N', roles: [], state: null, organisation: null, ...over });
  const focalPoint = actor({ roles: ['focal_point'], state: 'BOL' });
  const delegate = actor({ roles: ['delegate'], state: 'BOL' });
  const chairOfBol = actor({ roles: ['chair'], state: 'BOL' });
  const stakeholder = actor({ roles: ['stakeholder'], organisation: 'org-1' });

  it('the public is nobody', () => {
    expect(isSignedIn(null)).toBe(false);
    expect(hasRole(null, 'secretariat')).toBe(false);
    expect(actsForState(null, 'BOL')).toBe(false);
  });
  it('the Secretariat is the secretariat role', () => {
    expect(isSecretariat(actor({ roles: ['secretariat'] }))).toBe(true);
    expect(isSecretariat(focalPoint)).toBe(false);
  });
  it('only a focal point or delegate acts for a State, and only for their own', () => {
    expect(actsForState(focalPoint, 'BOL')).toBe(true);
    expect(actsForState(delegate, 'BOL')).toBe(true);
    expect(actsForState(delegate, 'CHL')).toBe(false);
    expect(actsForState(chairOfBol, 'BOL')).toBe(false);
  });
  it('a focal point is one of their State only', () => {
    expect(isFocalPointOf(focalPoint, 'BOL')).toBe(true);
    expect(isFocalPointOf(delegate, 'BOL')).toBe(false);
    expect(isFocalPointOf(focalPoint, 'CHL')).toBe(false);
  });
  it('a stakeholder representative acts for their organisation only', () => {
    expect(actsForOrganisation(stakeholder, 'org-1')).toBe(true);
    expect(actsForOrganisation(stakeholder, 'org-2')).toBe(false);
    expect(actsForOrganisation(actor({ roles: ['delegate'], organisation: 'org-1' }), 'org-1')).toBe(false);
  });
});
