import { describe, expect, it } from 'vitest';
import { likePattern, planQuery, tsOperand } from '../src/modules/search/query.js';

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
    });
    expect(planQuery('infrastructure ')!.words).toEqual([{ text: 'infrastructure', prefix: false }]);
  });

  it('reads words in quotes as a phrase, never as a prefix', () => {
    expect(planQuery('"critical infrastructure" ransom')).toMatchObject({ words: [{ text: 'ransom', prefix: true }], phrases: [['critical', 'infrastructure']] });
    expect(planQuery('ransom "critical infra')).toMatchObject({ words: [{ text: 'ransom', prefix: false }], phrases: [['critical', 'infra']] });
    expect(planQuery('«Critical»')!.words).toEqual([{ text: 'critical', prefix: false }]);
  });

  it('matches Chinese and Arabic as substrings, the rest as words', () => {
    expect(planQuery('关键 基础设施 cyber')).toMatchObject({ substrings: ['关键', '基础设施'], words: [{ text: 'cyber', prefix: true }] });
    expect(planQuery('البنية التحتية')!.substrings).toEqual(['البنية', 'التحتية']);
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
