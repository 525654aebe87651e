/**
 * How well an offer fits a need, as one pure function: a score and the reasons for it. The reasons are
 * codes with parameters, so that the web says them in the reader's language, and so that a State sees
 * why an offer ranks where it does (the ranking is explainable, never a black box).
 */

/** The framework's pillars, as the framework module names them. */
export const PILLARS = ['international-law', 'norms', 'cbms', 'capacity-building', 'threats'] as const;
export type Pillar = (typeof PILLARS)[number];

export const MODALITIES = ['training', 'advisory', 'technical-assistance', 'equipment', 'exchange-of-expertise', 'funding'] as const;
export type Modality = (typeof MODALITIES)[number];

/** What one shared framework element weighs, by its pillar: the pillars States ask most help for weigh most. */
export const PILLAR_WEIGHT: Readonly<Record<Pillar, number>> = {
  norms: 3,
  cbms: 3,
  'international-law': 3,
  'capacity-building': 2,
  threats: 2,
};
export const MODALITY_WEIGHT = 2;
export const LANGUAGE_WEIGHT = 1;
/** The offer names the requesting State among those it serves. */
export const STATE_SERVED_WEIGHT = 2;
/** The offer serves the requesting State's regional group, or everyone. */
export const REGION_SERVED_WEIGHT = 1;
export const PERIOD_WEIGHT = 1;

/** A period of calendar dates (YYYY-MM-DD); either end may be open. */
export interface Period {
  start: string | null;
  end: string | null;
}

export interface NeedFacts {
  codes: readonly string[];
  modality: Modality;
  languages: readonly string[];
  state: string;
  regionalGroup: string | null;
  period: Period | null;
}

export interface OfferFacts {
  codes: readonly string[];
  modalities: readonly Modality[];
  languages: readonly string[];
  /** Regional groups served; with no State either, the offer serves every State. */
  regions: readonly string[];
  states: readonly string[];
  period: Period | null;
}

export type Reason =
  | { code: 'shared-elements'; params: { pillar: Pillar; elements: string[]; points: number } }
  | { code: 'modality'; params: { modality: Modality; points: number } }
  | { code: 'language'; params: { languages: string[]; points: number } }
  | { code: 'state-served'; params: { state: string; points: number } }
  | { code: 'region-served'; params: { regionalGroup: string; points: number } }
  | { code: 'serves-every-state'; params: { points: number } }
  | { code: 'period'; params: { start: string | null; end: string | null; points: number } };

export interface Score {
  score: number;
  reasons: Reason[];
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** The common part of two periods, or null when they do not meet (a missing period meets nothing). */
export function overlap(a: Period | null, b: Period | null): Period | null {
  if (!a || !b) return null;
  const start = a.start && b.start ? (a.start > b.start ? a.start : b.start) : (a.start ?? b.start);
  const end = a.end && b.end ? (a.end < b.end ? a.end : b.end) : (a.end ?? b.end);
  if (start && end && start > end) return null;
  return { start, end };
}

/**
 * The score of an offer for a need: each shared framework element weighs its pillar's weight; the
 * need's modality offered, a common language, the State or its region served, and an overlapping
 * period each add their weight, once the two share an element or the modality (an offer that only
 * speaks the same language is no match). Nothing in common scores 0. Elements whose pillar is unknown (no
 * longer in the framework) weigh nothing.
 */
export function scoreMatch(need: NeedFacts, offer: OfferFacts, pillarOf: (code: string) => Pillar | undefined): Score {
  const reasons: Reason[] = [];
  const offered = new Set(offer.codes);
  const byPillar = new Map<Pillar, string[]>();
  for (const code of sorted(need.codes)) {
    const pillar = pillarOf(code);
    if (!offered.has(code) || !pillar) continue;
    byPillar.set(pillar, [...(byPillar.get(pillar) ?? []), code]);
  }
  for (const pillar of PILLARS) {
    const elements = byPillar.get(pillar);
    if (elements) reasons.push({ code: 'shared-elements', params: { pillar, elements, points: elements.length * PILLAR_WEIGHT[pillar] } });
  }
  if (offer.modalities.includes(need.modality)) reasons.push({ code: 'modality', params: { modality: need.modality, points: MODALITY_WEIGHT } });
  const common = sorted(need.languages.filter((l) => offer.languages.includes(l)));
  if (common.length > 0) reasons.push({ code: 'language', params: { languages: common, points: LANGUAGE_WEIGHT } });
  if (offer.states.includes(need.state)) reasons.push({ code: 'state-served', params: { state: need.state, points: STATE_SERVED_WEIGHT } });
  else if (need.regionalGroup && offer.regions.includes(need.regionalGroup)) reasons.push({ code: 'region-served', params: { regionalGroup: need.regionalGroup, points: REGION_SERVED_WEIGHT } });
  else if (offer.regions.length === 0 && offer.states.length === 0) reasons.push({ code: 'serves-every-state', params: { points: REGION_SERVED_WEIGHT } });
  const period = overlap(need.period, offer.period);
  if (period) reasons.push({ code: 'period', params: { ...period, points: PERIOD_WEIGHT } });
  // A language, a region or dates alone do not make a match: without a shared element or the modality, nothing counts.
  if (!reasons.some((r) => r.code === 'shared-elements' || r.code === 'modality')) return { score: 0, reasons: [] };
  return { score: reasons.reduce((sum, r) => sum + r.params.points, 0), reasons };
}

/**
 * Ranks candidates by score, highest first; equal scores by the earlier publication, then by id, so
 * that the same data always gives the same order, whatever order it came in.
 */
export function rank<T extends { id: string; publishedAt: Date }>(items: readonly (T & Score)[]): (T & Score)[] {
  return [...items].sort((a, b) => b.score - a.score || a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
