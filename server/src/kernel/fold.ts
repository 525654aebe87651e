/**
 * The platform's one fold of text for matching, in every script: lower case, accents and other marks
 * removed, and the apostrophes people type (’ ' `) made one, so that "turkiye" finds "Türkiye" and
 * "cote d'ivoire" finds "Côte d’Ivoire" (the UN writes the typographic apostrophe, keyboards the
 * straight one). Searchable text is stored folded; a query is folded the same way.
 */

/** Each character folded, spaces left as they are (for mapping a match back to the original text). */
export const foldCharacters = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'");

/** A text folded for matching, its runs of spaces made one and its ends trimmed. */
export const fold = (text: string): string => foldCharacters(text).replace(/\s+/g, ' ').trim();
