/**
 * Symbols of the PoA's official documents, as pure rules. A symbol is made from a pattern that is a
 * setting (e.g. `A/AC.300/{year}/{series}{n}`) and the document's series: the main series has no
 * prefix (`A/AC.300/2027/1`), working papers `WP.` (`A/AC.300/2027/WP.1`), conference room papers
 * `CRP.`, information notes `INF/`, drafts of limited distribution `L.`.
 */

export const DOCUMENT_TYPES = [
  'agenda',
  'report',
  'working-paper',
  'conference-room-paper',
  'information-note',
  'statement',
  'draft',
  'outcome',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SERIES = ['main', 'WP', 'CRP', 'INF', 'L'] as const;
export type Series = (typeof SERIES)[number];

/** What each series writes where the pattern says {series}. */
export const SERIES_PREFIX: Record<Series, string> = { main: '', WP: 'WP.', CRP: 'CRP.', INF: 'INF/', L: 'L.' };

/** The series a type of document is numbered in. */
export const SERIES_OF: Record<DocumentType, Series> = {
  agenda: 'main',
  report: 'main',
  outcome: 'main',
  statement: 'main',
  'working-paper': 'WP',
  'conference-room-paper': 'CRP',
  'information-note': 'INF',
  draft: 'L',
};

/** Fills the pattern: `{year}`, `{series}` and `{n}`. */
export function formatSymbol(pattern: string, parts: { year: number; series: Series; n: number }): string {
  return pattern
    .replaceAll('{year}', String(parts.year))
    .replaceAll('{series}', SERIES_PREFIX[parts.series])
    .replaceAll('{n}', String(parts.n));
}

/** What a symbol given by hand may look like: a UN document symbol, possibly with a revision (`/Rev.1`). */
export const SYMBOL_SHAPE = /^[A-Z][A-Za-z0-9.()/-]{1,79}$/;
