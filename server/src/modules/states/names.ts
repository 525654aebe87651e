import type { Names } from '../../kernel/languages.js';

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
