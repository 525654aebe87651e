/** The six official languages of the United Nations, in the UN's order. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as shown in the language switcher. */
export const NATIVE_NAMES: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const directionOf = (lang: Language): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

/**
 * The first of the browser's preferred languages that the platform speaks, matched on the
 * primary subtag (`fr-CH` → `fr`, `zh-Hant-TW` → `zh`); English when none matches.
 */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The same path in another language: `/fr/states/BOL?q=x` → `/ar/states/BOL?q=x`. */
export function pathInLanguage(pathname: string, search: string, lang: Language): string {
  const parts = pathname.split('/');
  if (isLanguage(parts[1])) parts[1] = lang;
  else parts.splice(1, 0, lang);
  const path = parts.join('/').replace(/\/+$/, '') || `/${lang}`;
  return `${path}${search}`;
}
