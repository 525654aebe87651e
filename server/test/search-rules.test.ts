import { describe, expect, it } from 'vitest';
import { gramQuery, likePattern, planQuery, tsOperand } from '../src/modules/search/query.js';

describe('a search as typed', () => {
  it('folds words and takes the last one as a prefix while it is being typed', () => {
    expect(planQuery('  Sécurité des infra')).toMatchObject({
      words: [
        { text: 'securite', prefix: false },
        { text: 'des', prefix: false },
        { text: 'infra', prefix: true },
      ],
      phrases: [],
      substrings: [],
      grams: [],
    });
    expect(planQuery('infrastructure ')!.words).toEqual([{ text: 'infrastructure', prefix: false }]);
  });

  it('reads words in quotes as a phrase, never as a prefix', () => {
    expect(planQuery('"critical infrastructure" ransom')).toMatchObject({ words: [{ text: 'ransom', prefix: true }], phrases: [['critical', 'infrastructure']] });
    expect(planQuery('ransom "critical infra')).toMatchObject({ words: [{ text: 'ransom', prefix: false }], phrases: [['critical', 'infra']] });
    expect(planQuery('«Critical»')!.words).toEqual([{ text: 'critical', prefix: false }]);
  });

  it('matches Chinese as runs of grams, Arabic as substrings, the rest as words', () => {
    expect(planQuery('关键 基础设施 cyber')).toMatchObject({ grams: ['关键', '基础设施'], substrings: [], words: [{ text: 'cyber', prefix: true }] });
    expect(planQuery('البنية التحتية')!.substrings).toEqual(['البنية', 'التحتية']);
    // A run of Chinese inside a token is a token of its own.
    expect(planQuery('5G网络')).toMatchObject({ grams: ['网络'], words: [{ text: '5g', prefix: false }] });
    // Too short for a trigram: an Arabic word of two letters is a word (a prefix as it is typed).
    expect(planQuery('من')).toMatchObject({ substrings: [], words: [{ text: 'من', prefix: true }] });
  });

  it('writes a run of Chinese as its grams in order, one character as a prefix', () => {
    expect(gramQuery('基础设施')).toBe("'基础' <-> '础设' <-> '设施'");
    expect(gramQuery('网络')).toBe("'网络'");
    expect(gramQuery('网')).toBe("'网':*");
  });

  it('ignores the operators of the query language, and finds nothing in nothing', () => {
    expect(planQuery("critical & (infra) | !'x")!.terms).toEqual(['critical', 'infra', 'x']);
    expect(planQuery('&&& !!! ""')).toBeNull();
    expect(planQuery('')).toBeNull();
  });

  it('keeps at most twelve words', () => expect(planQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.words).toHaveLength(12));

  it('quotes operands and escapes LIKE wildcards', () => {
    expect(tsOperand('infra', true)).toBe("'infra':*");
    expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});
