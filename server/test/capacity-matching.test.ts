import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODALITIES, overlap, rank, scoreMatch, type Modality, type NeedFacts, type OfferFacts, type Pillar, type Reason } from '../src/modules/capacity/matching.js';

const PILLAR: Record<string, Pillar> = {
  'norm-13a': 'norms',
  'norm-13g': 'norms',
  'global-cbm-1': 'cbms',
  'global-cbm-7': 'cbms',
  'il-1': 'international-law',
  'cb-principle-1': 'capacity-building',
  'threat-1': 'threats',
};
const pillarOf = (code: string) => PILLAR[code];
const CODES = Object.keys(PILLAR);

const need = (over: Partial<NeedFacts> = {}): NeedFacts => ({ codes: ['norm-13g'], modality: 'training', languages: ['en'], state: 'KEN', regionalGroup: 'African', period: { start: '2027-01-01', end: '2027-06-30' }, ...over });
const offer = (over: Partial<OfferFacts> = {}): OfferFacts => ({ codes: ['norm-13g'], modalities: ['training'], languages: ['en', 'fr'], regions: ['African'], states: [], period: { start: '2027-03-01', end: null }, ...over });

describe('scoreMatch', () => {
  it('adds each reason with its weight, and names them as codes with parameters', () => {
    const s = scoreMatch(need({ codes: ['norm-13g', 'global-cbm-7', 'cb-principle-1'] }), offer({ codes: ['global-cbm-7', 'norm-13g', 'cb-principle-1'] }), pillarOf);
    expect(s.reasons).toEqual([
      { code: 'shared-elements', params: { pillar: 'norms', elements: ['norm-13g'], points: 3 } },
      { code: 'shared-elements', params: { pillar: 'cbms', elements: ['global-cbm-7'], points: 3 } },
      { code: 'shared-elements', params: { pillar: 'capacity-building', elements: ['cb-principle-1'], points: 2 } },
      { code: 'modality', params: { modality: 'training', points: 2 } },
      { code: 'language', params: { languages: ['en'], points: 1 } },
      { code: 'region-served', params: { regionalGroup: 'African', points: 1 } },
      { code: 'period', params: { start: '2027-03-01', end: '2027-06-30', points: 1 } },
    ]);
    expect(s.score).toBe(13);
  });

  it('prefers a State named among those served to its region, and counts an offer that serves everyone', () => {
    expect(scoreMatch(need(), offer({ states: ['KEN'] }), pillarOf).reasons.map((r) => r.code)).toContain('state-served');
    expect(scoreMatch(need(), offer({ regions: [], states: [] }), pillarOf).reasons.map((r) => r.code)).toContain('serves-every-state');
    expect(scoreMatch(need(), offer({ regions: ['Asia-Pacific'], states: ['VNM'] }), pillarOf).reasons.map((r) => r.code)).not.toContain('region-served');
  });

  it('gives nothing for a language, a region or dates alone', () => {
    expect(scoreMatch(need(), offer({ codes: ['global-cbm-1'], modalities: ['funding'] }), pillarOf)).toEqual({ score: 0, reasons: [] });
  });

  it('ignores an element no longer in the framework', () => {
    expect(scoreMatch(need({ codes: ['gone'] }), offer({ codes: ['gone'], modalities: [] }), pillarOf).score).toBe(0);
  });

  it('overlaps periods with open ends, and not periods that do not meet', () => {
    expect(overlap({ start: null, end: '2027-01-01' }, { start: '2026-06-01', end: null })).toEqual({ start: '2026-06-01', end: '2027-01-01' });
    expect(overlap({ start: '2027-02-01', end: null }, { start: null, end: '2027-01-31' })).toBeNull();
    expect(overlap(null, { start: null, end: null })).toBeNull();
  });
});

// ---- properties --------------------------------------------------------------------------------

const codes = fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: CODES.length });
const langs = fc.uniqueArray(fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es'), { maxLength: 6 });
const groups = ['African', 'Asia-Pacific', 'Eastern European', 'GRULAC', 'WEOG'];
const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const period = fc.option(fc.record({ start: fc.option(day), end: fc.option(day) }).map((p) => (p.start && p.end && p.start > p.end ? { start: p.end, end: p.start } : p)));
const modality = fc.constantFrom(...MODALITIES);
const needArb = fc.record({ codes, modality, languages: langs, state: fc.constantFrom('KEN', 'VNM', 'JOR'), regionalGroup: fc.option(fc.constantFrom(...groups)), period });
const offerArb = fc.record({
  codes,
  modalities: fc.uniqueArray(modality, { maxLength: 6 }),
  languages: langs,
  regions: fc.uniqueArray(fc.constantFrom(...groups), { maxLength: 3 }),
  states: fc.uniqueArray(fc.constantFrom('KEN', 'VNM', 'JOR', 'CHL'), { maxLength: 2 }),
  period,
});

describe('scoreMatch, as properties', () => {
  it('never lowers a score when a shared element is added', () => {
    fc.assert(
      fc.property(needArb, offerArb, fc.constantFrom(...CODES), (n, o, extra) => {
        const before = scoreMatch(n, o, pillarOf).score;
        const after = scoreMatch({ ...n, codes: [...new Set([...n.codes, extra])] }, { ...o, codes: [...new Set([...o.codes, extra])] }, pillarOf).score;
        expect(after).toBeGreaterThanOrEqual(before);
        if (!n.codes.includes(extra) || !o.codes.includes(extra)) expect(after).toBeGreaterThan(before);
      }),
    );
  });

  it('scores 0 when a need and an offer have nothing in common', () => {
    fc.assert(
      fc.property(needArb, offerArb, (n, o) => {
        const other = (m: Modality) => MODALITIES.filter((x) => x !== m);
        const disjoint: OfferFacts = { ...o, codes: o.codes.filter((c) => !n.codes.includes(c)), modalities: o.modalities.filter((m) => other(n.modality).includes(m)), languages: o.languages.filter((l) => !n.languages.includes(l)), states: o.states.filter((s) => s !== n.state), regions: o.regions.filter((g) => g !== n.regionalGroup).concat(['Nowhere']), period: null };
        expect(scoreMatch(n, disjoint, pillarOf)).toEqual({ score: 0, reasons: [] });
      }),
    );
  });

  it('scores the sum of the points its reasons give, never less than 0', () => {
    fc.assert(
      fc.property(needArb, offerArb, (n, o) => {
        const s = scoreMatch(n, o, pillarOf);
        expect(s.score).toBe(s.reasons.reduce((t, r) => t + r.params.points, 0));
        expect(s.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('ranks deterministically: the same candidates in any order give the same ranking, ties broken by publication then id', () => {
    const candidate = fc.record({ id: fc.uuid(), publishedAt: fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))), score: fc.integer({ min: 0, max: 5 }), reasons: fc.constant([] as Reason[]) });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 30 }), fc.infiniteStream(fc.nat()), (items, seeds) => {
        const shuffled = items.map((c) => ({ c, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.c);
        const a = rank(items).map((c) => c.id);
        expect(rank(shuffled).map((c) => c.id)).toEqual(a);
        const ranked = rank(items);
        for (let i = 1; i < ranked.length; i++) {
          const [p, q] = [ranked[i - 1]!, ranked[i]!];
          expect(p.score > q.score || (p.score === q.score && (p.publishedAt < q.publishedAt || (p.publishedAt.getTime() === q.publishedAt.getTime() && p.id < q.id)))).toBe(true);
        }
      }),
    );
  });
});
