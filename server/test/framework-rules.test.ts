import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../src/kernel/calendar-date.js';
import { changeBetween, highlight, inForceOn, textIn, versionOn, type VersionPoint } from '../src/modules/framework/elements.js';

const v = (version: number, effectiveOn: string, change: VersionPoint['change'] = 'added'): VersionPoint => ({ version, effectiveOn, change });

describe('the framework on a date', () => {
  const history = [v(1, '2015-07-22'), v(2, '2015-07-22', 'text-recorded'), v(3, '2021-03-12', 'amended'), v(4, '2024-07-12', 'superseded')];
  it('is absent before its first version took effect', () => expect(versionOn(history, '2015-07-21')).toBeNull());
  it('takes effect on the day itself, with the latest record of that day', () => expect(versionOn(history, '2015-07-22')?.version).toBe(2));
  it('follows amendments', () => expect(versionOn(history, '2023-01-01')?.version).toBe(3));
  it('is no longer in force once superseded', () => {
    expect(inForceOn(history, '2024-07-11')).toBe(true);
    expect(inForceOn(history, '2024-07-12')).toBe(false);
  });
  it('does not depend on the order versions are given in', () => expect(versionOn([...history].reverse(), '2023-01-01')?.version).toBe(3));
});

describe('what changed between two dates', () => {
  it.each([
    [null, v(1, '2020-01-01'), 'added'],
    [v(1, '2020-01-01'), v(1, '2020-01-01'), null],
    [v(1, '2020-01-01'), v(2, '2022-01-01', 'amended'), 'changed'],
    [v(1, '2020-01-01'), v(2, '2022-01-01', 'retired'), 'removed'],
    [v(2, '2022-01-01', 'retired'), v(2, '2022-01-01', 'retired'), null],
    [null, v(1, '2020-01-01', 'superseded'), null],
  ] as const)('%o → %o is %s', (from, to, expected) => expect(changeBetween(from, to)).toBe(expected));
});

describe('dates', () => {
  it.each(['2023-01-01', '2024-02-29'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2023-02-30', '2023-13-01', '2023-1-1', '01/01/2023', '2023-01-01T00:00:00Z', '', '0000-01-01', '0999-12-31'])('refuses %s', (d) => expect(isCalendarDate(d)).toBe(false));
});

describe('search', () => {
  it('highlights every occurrence, whatever the case and accents, in the text as written', () => {
    const h = highlight('La sécurité des infrastructures critiques et la SECURITE.', ['securite'])!;
    expect(h.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['sécurité', 'SECURITE']);
    expect(h.parts.map((p) => p.text).join('')).toBe('La sécurité des infrastructures critiques et la SECURITE.');
  });
  it('cuts a long text around the first match', () => {
    const text = `${'word '.repeat(100)}critical infrastructure ${'more '.repeat(100)}`;
    const h = highlight(text, ['critical'], 80)!;
    const joined = h.parts.map((p) => p.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.length).toBeLessThan(100);
    expect(h.parts.some((p) => p.match && p.text === 'critical')).toBe(true);
  });
  it('returns null when nothing matches', () => expect(highlight('nothing here', ['absent'])).toBeNull());
});

describe('texts in the page language', () => {
  const texts = { en: { title: 'T', text: 'E', status: 'summary' as const }, fr: { title: 'Tf', text: 'F', status: 'verbatim' as const } };
  it('gives the language asked for', () => expect(textIn(texts, 'fr')).toMatchObject({ text: 'F', language: 'fr', fallback: false }));
  it('falls back to English, marked, and keeps the English status', () =>
    expect(textIn(texts, 'ar')).toEqual({ title: 'T', text: 'E', status: 'summary', language: 'en', fallback: true }));
});
