import { z } from 'zod';
import { LANGUAGES, type Language } from '../states/index.js';

/**
 * A short text in the six official languages: English is always there, the others when given.
 * Titles of meetings, groups, agenda items and documents are such texts.
 */
export type Localized = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

/** The text in a language, or the English one marked as a fallback. */
export function inLanguage(text: Localized, language: Language): { text: string; language: Language; fallback: boolean } {
  const own = text[language];
  return own ? { text: own, language, fallback: false } : { text: text.en, language: 'en', fallback: language !== 'en' };
}

/** The Zod schema of a localized text whose parts are at most `max` characters. */
export const localizedSchema = (max: number) =>
  z
    .object({
      ar: z.string().trim().min(1).max(max).optional(),
      zh: z.string().trim().min(1).max(max).optional(),
      en: z.string().trim().min(1).max(max),
      fr: z.string().trim().min(1).max(max).optional(),
      ru: z.string().trim().min(1).max(max).optional(),
      es: z.string().trim().min(1).max(max).optional(),
    })
    .strict();

/** Every language's text, for search. */
export const allTexts = (text: Localized): string[] => LANGUAGES.flatMap((l) => (text[l] ? [text[l]!] : []));

/** Folds a text for matching: lower case, accents and other marks removed, spaces collapsed. */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
