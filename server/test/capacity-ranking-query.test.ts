import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { testPlatform, type TestPlatform } from './support/platform.js';
import { capacityNeeds, capacityOffers } from '../src/modules/capacity/tables.js';
import { rankedNeedsForOffer, rankedOffersForNeed } from '../src/modules/capacity/reading.js';
import { pillarsInForce } from '../src/modules/capacity/framework-codes.js';
import { MODALITIES, rank, scoreMatch } from '../src/modules/capacity/matching.js';
import { needFacts, offerFacts } from '../src/modules/capacity/records.js';
import { listStates } from '../src/modules/states/index.js';

/**
 * The rankings read only the candidates that share an element or the modality with the need (or offer)
 * from the database, and only the scoring columns of those: they must rank exactly what scoring every
 * open thing the viewer sees would rank (the bench's 5,000 × 5,000 made the narrowing necessary).
 */

let p: TestPlatform;
type NeedRow = typeof capacityNeeds.$inferSelect;
type OfferRow = typeof capacityOffers.$inferSelect;
let needs: NeedRow[];
let offers: OfferRow[];

const CODES = ['norm-13a', 'norm-13g', 'norm-13c', 'global-cbm-7', 'global-cbm-1', 'il-inherent-right', 'cb-principle-3', 'threat-ransomware', 'not-in-force'];
const STATES = ['KEN', 'FRA', 'CHL', 'VNM', 'JOR', 'DEU'];
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const period = fc.option(fc.record({ periodStart: fc.constantFrom('2026-01-01', '2027-01-01', '2028-01-01'), periodEnd: fc.constantFrom('2027-06-30', '2028-12-31') }), { nil: null });

beforeAll(async () => {
  p = await testPlatform();
  const db = p.ctx.database.db;
  const publishedAt = fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)));
  const needArb = fc.record({
    state: fc.constantFrom(...STATES),
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }),
    modality: fc.constantFrom(...MODALITIES),
    languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 2 }),
    period,
    visibility: fc.constantFrom('public', 'public', 'participants', 'secretariat' as const),
    status: fc.constantFrom('open', 'open', 'in-discussion', 'matched', 'withdrawn' as const),
    publishedAt,
  });
  const offerArb = fc.record({
    state: fc.option(fc.constantFrom(...STATES), { nil: null }),
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 4 }),
    modalities: fc.uniqueArray(fc.constantFrom(...MODALITIES), { minLength: 1, maxLength: 3 }),
    languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 3 }),
    regions: fc.uniqueArray(fc.constantFrom('AG', 'APG', 'GRULAC', 'WEOG'), { maxLength: 2 }),
    states: fc.uniqueArray(fc.constantFrom(...STATES), { maxLength: 2 }),
    period,
    visibility: fc.constantFrom('public', 'public', 'participants', 'secretariat' as const),
    status: fc.constantFrom('open', 'open', 'closed' as const),
    publishedAt,
  });
  const generatedNeeds = fc.sample(needArb, { numRuns: 60, seed: 13 });
  const generatedOffers = fc.sample(offerArb, { numRuns: 80, seed: 31 });
  needs = generatedNeeds.map(({ period: pe, ...n }) => ({
    ...n,
    id: randomUUID(),
    title: { en: 'A need' },
    description: { en: 'What it is for.' },
    periodStart: pe?.periodStart ?? null,
    periodEnd: pe?.periodEnd ?? null,
    partners: 1,
    source: null,
    matchedAt: null,
    createdBy: randomUUID(),
    version: 1,
  }));
  offers = generatedOffers.map(({ period: pe, state, ...o }) => ({
    ...o,
    id: randomUUID(),
    offerorKind: state ? 'state' : 'secretariat',
    offerorState: state,
    organisationId: null,
    programme: state ? null : 'A programme',
    title: { en: 'An offer' },
    description: { en: 'What it gives.' },
    capacity: 2,
    periodStart: pe?.periodStart ?? null,
    periodEnd: pe?.periodEnd ?? null,
    conditions: null,
    createdBy: randomUUID(),
  }));
  await db.insert(capacityNeeds).values(needs);
  await db.insert(capacityOffers).values(offers);
});
afterAll(() => p.close());

describe('rankings read from the database', () => {
  it('rank for each public need exactly the offers that scoring every open public offer ranks', async () => {
    const db = p.ctx.database.db;
    const pillarOf = await pillarsInForce(db);
    const groups = new Map((await listStates(db, {})).map((s) => [s.iso3, s.regionalGroup]));
    const candidates = offers.filter((o) => o.visibility === 'public' && o.status === 'open');
    let compared = 0;
    for (const n of needs.filter((x) => x.visibility === 'public')) {
      const facts = needFacts(n, groups.get(n.state) ?? null);
      const expected = rank(
        candidates
          .filter((o) => !(o.offerorKind === 'state' && o.offerorState === n.state))
          .map((o) => ({ id: o.id, publishedAt: o.publishedAt, ...scoreMatch(facts, offerFacts(o), pillarOf) }))
          .filter((s) => s.score > 0),
      ).slice(0, 100);
      const got = (await rankedOffersForNeed(db, null, n.id, 100)).items;
      expect(got.map((r) => [r.offer.id, r.score, r.reasons])).toEqual(expected.map((e) => [e.id, e.score, e.reasons]));
      // The whole offer is answered, not only what it was scored on.
      for (const r of got) expect(r.offer.title).toEqual({ en: 'An offer' });
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('rank for each public offer exactly the open needs that scoring every open public need ranks', async () => {
    const db = p.ctx.database.db;
    const pillarOf = await pillarsInForce(db);
    const groups = new Map((await listStates(db, {})).map((s) => [s.iso3, s.regionalGroup]));
    const candidates = needs.filter((n) => n.visibility === 'public' && (n.status === 'open' || n.status === 'in-discussion'));
    let compared = 0;
    for (const o of offers.filter((x) => x.visibility === 'public')) {
      const facts = offerFacts(o);
      const expected = rank(
        candidates
          .filter((n) => !(o.offerorKind === 'state' && o.offerorState === n.state))
          .map((n) => ({ id: n.id, publishedAt: n.publishedAt, ...scoreMatch(needFacts(n, groups.get(n.state) ?? null), facts, pillarOf) }))
          .filter((s) => s.score > 0),
      ).slice(0, 100);
      const got = (await rankedNeedsForOffer(db, null, o.id, 100)).items;
      expect(got.map((r) => [r.need.id, r.score, r.reasons])).toEqual(expected.map((e) => [e.id, e.score, e.reasons]));
      for (const r of got) expect(r.need.description).toEqual({ en: 'What it is for.' });
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
