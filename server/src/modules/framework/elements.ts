import { type Language, LANGUAGES } from '../../kernel/languages.js';
import { fold } from '../../kernel/fold.js';

/**
 * The framework of responsible State behaviour, as pure rules over plain data: what an element's
 * versions mean, how the framework stood on a date, what changed between two dates, and how a search
 * finds and highlights words in texts of every language.
 */

export const ELEMENT_KINDS = ['international-law', 'norm', 'cbm', 'cbm-tool', 'capacity-building-principle', 'threat', 'recommendation'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** The five pillars the web app browses by; a CBM tool sits with the CBMs, a recommendation with the norms. */
export const PILLAR_OF: Record<ElementKind, 'international-law' | 'norms' | 'cbms' | 'capacity-building' | 'threats'> = {
  'international-law': 'international-law',
  norm: 'norms',
  recommendation: 'norms',
  cbm: 'cbms',
  'cbm-tool': 'cbms',
  'capacity-building-principle': 'capacity-building',
  threat: 'threats',
};

/**
 * `verbatim`: the official wording (to be confirmed against the official document).
 * `summary`: our wording of the source, never to be presented as a quotation.
 */
export type TextStatus = 'verbatim' | 'summary';
export interface ElementText {
  title: string;
  text: string;
  status: TextStatus;
}
/** Texts by language; English is always there. */
export type ElementTexts = Partial<Record<Language, ElementText>> & { en: ElementText };

export type VersionChange = 'added' | 'amended' | 'text-recorded' | 'translation-recorded' | 'superseded' | 'retired';

/** A version that ends the element's life in the framework. */
export const isEnding = (change: VersionChange): boolean => change === 'superseded' || change === 'retired';

export interface VersionPoint {
  version: number;
  effectiveOn: string;
  change: VersionChange;
}

/** Orders versions as the framework applies them: by the date they took effect, then by version. */
export const laterThan = (a: VersionPoint, b: VersionPoint): boolean =>
  a.effectiveOn > b.effectiveOn || (a.effectiveOn === b.effectiveOn && a.version > b.version);

/** The version that stood on a date, or null when the element was not yet there. Dates are YYYY-MM-DD. */
export function versionOn<V extends VersionPoint>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effectiveOn <= date && (!best || laterThan(v, best))) best = v;
  return best;
}

/** Whether the element was part of the framework on a date: a version stood, and it did not end it. */
export function inForceOn(versions: readonly VersionPoint[], date: string): boolean {
  const v = versionOn(versions, date);
  return !!v && !isEnding(v.change);
}

export type ChangeKind = 'added' | 'changed' | 'removed';

/**
 * What happened to one element between two dates, from the versions standing on each:
 * added (not in force, then in force), removed (in force, then not), changed (another version), or nothing.
 */
export function changeBetween(from: VersionPoint | null, to: VersionPoint | null): ChangeKind | null {
  const before = !!from && !isEnding(from.change);
  const after = !!to && !isEnding(to.change);
  if (!before && after) return 'added';
  if (before && !after) return 'removed';
  if (before && after && from!.version !== to!.version) return 'changed';
  return null;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** The text in a language, or the English one marked as a fallback. */
export function textIn(texts: ElementTexts, language: Language): ElementText & { language: Language; fallback: boolean } {
  const own = texts[language];
  return own ? { ...own, language, fallback: false } : { ...texts.en, language: 'en', fallback: language !== 'en' };
}

/** The folded text search looks in: titles and texts of every language present. */
export function searchTextOf(texts: ElementTexts): string {
  return LANGUAGES.flatMap((l) => (texts[l] ? [fold(texts[l]!.title), fold(texts[l]!.text)] : [])).join('\n');
}

// ---- search ----------------------------------------------------------------------------------

// A query is planned and matched by the search module (modules/search: query.ts, match.ts), the same
// for this framework's search "as of" a date and for the global search.
// Highlighting is the search's (one function for every search): re-exported for the framework's callers.
export { highlight, type Highlighted } from '../search/index.js';
