import type { Language } from '../../app/languages';
import type { Need, Pillar } from './queries';

/** The framework's pillars, in the framework's order: the catalogue's chapters. */
export const CATALOGUE_PILLARS: readonly Pillar[] = ['international-law', 'norms', 'cbms', 'capacity-building', 'threats'];

export interface CatalogueState {
  iso3: string;
  needs: Need[];
}

export interface CatalogueChapter {
  /** Null: needs none of whose elements is in the framework in force (an element since superseded). */
  pillar: Pillar | null;
  states: CatalogueState[];
  /** How many needs the chapter lists. */
  needs: number;
}

/**
 * The catalogue's chapters: one per pillar that some need concerns, in the framework's order, each
 * with its requesting States in the alphabetical order of the page's language, each State with its
 * needs, the longest-waiting first. A need that concerns several pillars is listed in each of them.
 */
export function catalogueChapters(needs: readonly Need[], pillarOf: (code: string) => Pillar | undefined, stateName: (iso3: string) => string, lang: Language): CatalogueChapter[] {
  const collator = new Intl.Collator(lang);
  const byPillar = new Map<Pillar | null, Need[]>();
  for (const need of needs) {
    const pillars = new Set(need.codes.map(pillarOf).filter((p): p is Pillar => !!p));
    for (const pillar of pillars.size ? pillars : [null]) byPillar.set(pillar, [...(byPillar.get(pillar) ?? []), need]);
  }
  const chapter = (pillar: Pillar | null): CatalogueChapter | null => {
    const listed = byPillar.get(pillar);
    if (!listed) return null;
    const byState = new Map<string, Need[]>();
    for (const need of listed) byState.set(need.state, [...(byState.get(need.state) ?? []), need]);
    const states = [...byState]
      .map(([iso3, own]) => ({ iso3, needs: own.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || (a.id < b.id ? -1 : 1)) }))
      .sort((a, b) => collator.compare(stateName(a.iso3), stateName(b.iso3)) || (a.iso3 < b.iso3 ? -1 : 1));
    return { pillar, states, needs: listed.length };
  };
  return [...CATALOGUE_PILLARS, null].map(chapter).filter((c): c is CatalogueChapter => c !== null);
}
