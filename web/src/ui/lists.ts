import type { Language } from '../app/languages';

/** Names in a row as the language lists them: "Focal point, Delegate", "联络人、代表", "منسق ومندوب". */
export function formatList(items: readonly string[], lang: Language): string {
  return new Intl.ListFormat(lang, { type: 'conjunction', style: 'narrow' }).format(items);
}
