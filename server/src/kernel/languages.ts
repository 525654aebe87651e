import { z } from 'zod';

/** The six official languages of the United Nations, in the UN's order. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The request and response schema of a language code. */
export const LanguageSchema = z.enum(LANGUAGES);

/** A name in each of the six languages, all of them given (a State's names). */
export type Names = Record<Language, string>;

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

/** Every language's text, for search. */
export const allTexts = (text: Localized): string[] => LANGUAGES.flatMap((l) => (text[l] ? [text[l]!] : []));

/** The request schema of a localized text whose parts are at most `max` characters. */
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

/** A localized title (each part at most 500 characters), as requests give one. */
export const LocalizedSchema = localizedSchema(500);

/** A localized text as responses carry one. */
export const LocalizedOut = z.object({
  ar: z.string().optional(),
  zh: z.string().optional(),
  en: z.string(),
  fr: z.string().optional(),
  ru: z.string().optional(),
  es: z.string().optional(),
});
