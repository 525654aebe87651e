/** The six official languages of the United Nations, in the UN's order. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name in each of the six languages. */
export type Names = Record<Language, string>;

/** A State as the reference data gives it. */
export interface StateRecord {
  /** ISO 3166-1 alpha-3 code, e.g. `BOL`. */
  iso3: string;
  /** UN M49 numeric code, three digits, e.g. `068`. */
  m49: string;
  /** Member State or observer State of the United Nations. */
  status: 'member' | 'observer';
  /** UN regional group id (`AG`, `APG`, `EEG`, `GRULAC`, `WEOG`), or null for a State in none. */
  regionalGroup: 'AG' | 'APG' | 'EEG' | 'GRULAC' | 'WEOG' | null;
  /** The UN's short name in each official language. */
  names: Names;
}

/**
 * Folds a name or a query for matching: lower case, accents and other marks removed, so that
 * "turkiye" finds "Türkiye" and "cote" finds "Côte d'Ivoire". Works for every script.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
