import { describe, expect, it } from 'vitest';
import { csvOf } from '../src/platform/http/csv.js';
import { parseCsv } from './support/csv.js';

describe('the platform’s CSV writer (#12, item 2)', () => {
  const planted = ['=HYPERLINK("http://evil.example","Click")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1'];

  it('prefixes every text a spreadsheet would run as a formula with an apostrophe, and keeps the rest of it', () => {
    const [, row] = parseCsv(csvOf([['a'], planted]));
    expect(row).toEqual(planted.map((p) => `'${p}`));
  });

  it('quotes every text cell, so a spreadsheet splitting on ; or a tab cannot start a formula mid-cell', () => {
    const text = csvOf([['x;=1+1', 'y\t=1+1', 'plain']]);
    expect(text).toBe('\ufeff"x;=1+1","y\t=1+1","plain"\n');
  });

  it('writes numbers bare, negative ones too (a number holds no formula), but a number typed as text is text', () => {
    expect(csvOf([[-5, 3.5, 0, '-5', '12']])).toBe(`\ufeff-5,3.5,0,"'-5","12"\n`);
    expect(csvOf([[Number.NEGATIVE_INFINITY, Number.NaN]])).toBe(`\ufeff"'-Infinity","NaN"\n`);
  });

  it('leaves ordinary text, quotes and line breaks readable, and empty cells empty', () => {
    const rows = [['state', 'text'], ['CHL', 'Line one,\n"quoted" line two'], ['FRA', ''], ['ARG', null], ['BRA', true]];
    expect(parseCsv(csvOf(rows))).toEqual([['state', 'text'], ['CHL', 'Line one,\n"quoted" line two'], ['FRA', ''], ['ARG', ''], ['BRA', '1']]);
  });

  it('starts with a byte order mark, so spreadsheets read the six languages as UTF-8', () => {
    expect(csvOf([['مرحبا', '你好']]).startsWith('\ufeff"مرحبا"')).toBe(true);
  });
});
