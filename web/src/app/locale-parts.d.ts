/** The locale files in parts, made at build time by scripts/locale-parts.ts (typed in i18n.ts). */
declare module 'virtual:locale-parts' {
  /** `shell` (the layout's strings), then one part per top-level key of the locale files. */
  export const LOCALE_PARTS: string[];
  /** The strings of one part in one language. */
  export function loadPart(lang: string, part: string): Promise<{ default: Record<string, unknown> }>;
}
