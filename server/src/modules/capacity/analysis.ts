import { MODALITIES, PILLARS, scoreMatch, type NeedFacts, type OfferFacts, type Pillar } from './matching.js';

/**
 * The plenary's picture of capacity-building, as a pure function of the needs and offers a viewer
 * sees (the caller passes only those): so no number counts what the viewer may not see.
 */
export interface AnalysisNeed {
  id: string;
  state: string;
  title: { en: string } & Record<string, string | undefined>;
  status: string;
  publishedAt: Date;
  matchedAt: Date | null;
  facts: NeedFacts;
}

/** An offer scoring at least this for a need counts as covering it. */
export const COVERAGE_THRESHOLD = 5;

const DAY = 86_400_000;

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const counted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function analyse(needs: readonly AnalysisNeed[], offers: readonly OfferFacts[], pillarOf: (code: string) => Pillar | undefined) {
  const byPillar = new Map<string, number>();
  const byElement = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const byModality = new Map<string, number>(MODALITIES.map((m) => [m, 0]));
  const byState = new Map<string, number>();
  let withOffer = 0;
  let matched = 0;
  let met = 0;
  const days: number[] = [];
  const live = needs.filter((n) => n.status !== 'withdrawn');
  for (const n of live) {
    for (const p of new Set(n.facts.codes.map(pillarOf).filter((p): p is Pillar => !!p))) bump(byPillar, p);
    for (const c of n.facts.codes) bump(byElement, c);
    bump(byGroup, n.facts.regionalGroup ?? 'none');
    bump(byModality, n.facts.modality);
    bump(byState, n.state);
    if (offers.some((o) => scoreMatch(n.facts, o, pillarOf).score >= COVERAGE_THRESHOLD)) withOffer++;
    if (n.status === 'matched' || n.status === 'met') matched++;
    if (n.status === 'met') met++;
    if (n.matchedAt) days.push((n.matchedAt.getTime() - n.publishedAt.getTime()) / DAY);
  }
  const m = median(days);
  return {
    needs: live.length,
    byPillar: PILLARS.map((pillar) => ({ pillar, needs: byPillar.get(pillar) ?? 0 })),
    byElement: counted(byElement).map(([code, n]) => ({ code, needs: n })),
    byRegionalGroup: counted(byGroup).map(([key, n]) => ({ key, needs: n })),
    byModality: MODALITIES.map((key) => ({ key, needs: byModality.get(key) ?? 0 })),
    byState: counted(byState).map(([iso3, n]) => ({ iso3, needs: n })),
    coverage: { threshold: COVERAGE_THRESHOLD, withOffer, matched, met },
    unmet: live
      .filter((n) => n.status === 'open' || n.status === 'in-discussion')
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((n) => ({ id: n.id, state: n.state, title: n.title, publishedAt: n.publishedAt })),
    medianDaysToMatch: m === null ? null : Math.round(m * 10) / 10,
  };
}
