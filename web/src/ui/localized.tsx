import { Badge } from '@mantine/core';
import { Fragment, isValidElement, type ReactNode } from 'react';
import { useTranslation } from '../app/i18n';
import { directionOf, LANGUAGES, NATIVE_NAMES, type Language } from '../app/languages';
import { useLang } from '../app/paths';
import classes from './ui.module.css';

/*
 * THE way the web shows text that may not be in the page's language (issue 17, item 4). Every text
 * shown in another language than the page's is in its own element with its own `lang` and `dir`,
 * isolated for bidirectional text (`<bdi>`), with the "not yet in this language" mark beside it.
 * Symbols and codes, Latin in every language, are `Verbatim`: left-to-right, isolated, never
 * translated. Lists are joined as the page's language joins them. The browser test
 * `test/e2e/fallback-marks.test.ts` fails on Latin text outside these elements.
 */

/** A text the platform holds in some of the six languages; English always. */
export type LocalizedText = { en: string } & Partial<Record<Language, string>>;

/** The text in a language, or the English one with `fallback` saying so. */
export function inLanguage(text: LocalizedText, lang: Language): { text: string; language: Language; fallback: boolean } {
  const own = text[lang];
  if (own && own.trim()) return { text: own, language: lang, fallback: false };
  return { text: text.en, language: 'en', fallback: lang !== 'en' };
}

/**
 * An identifier (a zone's IANA name) kept left-to-right and isolated inside a sentence in another
 * script (U+2066 … U+2069): where a text cannot hold an element, as `ui/localized`'s `Verbatim` does.
 */
export const isolated = (id: string, lang: Language) => (lang === 'ar' || lang === 'zh' || lang === 'ru' ? `\u2066${id}\u2069` : id);

/** The same for every run of Latin letters inside a text in another script (a name Intl left untranslated). */
export const isolatedLatin = (text: string, lang: Language) =>
  lang === 'ar' || lang === 'zh' || lang === 'ru' ? text.replace(/[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\s'’._-]*[A-Za-z\u00C0-\u024F]|[A-Za-z\u00C0-\u024F]/g, (run) => `\u2066${run}\u2069`) : text;

/** Shown beside a text when the page's language has none yet, so the English one is shown instead. */
export function FallbackMark({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Badge variant="outline" color="#9c3a00" data-fallback="true" className={classes.badge}>
      {t('common.fallback')}
    </Badge>
  );
}

/**
 * A text known to be in `lang` (a record held in one language only, such as what a person typed):
 * in its own language and direction, isolated, and marked when it is not the page's language.
 */
export function InLanguage({ lang, children, mark = true }: { lang: Language; children: ReactNode; mark?: boolean }) {
  const page = useLang();
  if (lang === page) return <bdi>{children}</bdi>;
  return (
    <>
      <bdi lang={lang} dir={directionOf(lang)}>
        {children}
      </bdi>
      {mark ? (
        <>
          {' '}
          <FallbackMark show />
        </>
      ) : null}
    </>
  );
}

/** A text in the page's language (or English, marked), in its own language and direction. */
export function Localized({ text, mark = true }: { text: LocalizedText; mark?: boolean }) {
  const lang = useLang();
  const shown = inLanguage(text, lang);
  return (
    <InLanguage lang={shown.language} mark={mark && shown.fallback}>
      {shown.text}
    </InLanguage>
  );
}

/**
 * A symbol or code that is the same in every language (PoA/2026/DEC.1, norm-13f, an ISO code):
 * left-to-right and isolated, so it never runs into right-to-left text around it, and not translated.
 */
export function Verbatim({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" translate="no" data-verbatim="">
      {children}
    </bdi>
  );
}

/**
 * A person's or an organisation's own name, as they write it in every language ("Camila Rojas"):
 * isolated, in the direction of its own letters, not translated.
 */
export function ProperName({ children }: { children: ReactNode }) {
  return (
    <bdi dir="auto" translate="no" data-verbatim="name">
      {children}
    </bdi>
  );
}

/**
 * Items joined as the page's language joins a list ("A, B and C", "A、B和C", "A وB وC"), each item
 * kept as it is (a `Localized`, a State's name, a link).
 */
export function LocalizedList({ items, type = 'conjunction' }: { items: readonly ReactNode[]; type?: 'conjunction' | 'disjunction' | 'unit' }) {
  const lang = useLang();
  return <>{joinList(items, lang, type)}</>;
}

/** The nodes of `items` joined by `lang`'s separators (Intl.ListFormat). */
export function joinList(items: readonly ReactNode[], lang: Language, type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): ReactNode[] {
  const placeholders = items.map((_, i) => `\u0000${i}\u0000`);
  const parts = new Intl.ListFormat(lang, { type, style: type === 'unit' ? 'narrow' : 'long' }).formatToParts(placeholders);
  return parts.map((part, i) => {
    if (part.type === 'literal') return <Fragment key={i}>{part.value}</Fragment>;
    const index = Number(part.value.replaceAll('\u0000', ''));
    const item = items[index];
    return <Fragment key={isValidElement(item) && item.key !== null ? `i${item.key}` : `i${index}`}>{item}</Fragment>;
  });
}

/**
 * A translated sentence with parts that are nodes (a group's `Localized` name, a State's name):
 * `t(key)` with each node's place kept, so the node keeps its own language marks inside the sentence.
 * Values that are strings or numbers (a count for plurals) go to `t` as they are.
 */
export function Sentence({ i18nKey, values }: { i18nKey: string; values: Record<string, ReactNode> }) {
  const { t } = useTranslation();
  const plain: Record<string, unknown> = {};
  const nodes: Record<string, ReactNode> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
    else {
      nodes[name] = value;
      plain[name] = `\u0000${name}\u0000`;
    }
  }
  // The key is checked where it is written (a literal in a page); here it is any key of the strings.
  const text = (t as (key: string, options: object) => string)(i18nKey, plain);
  return (
    <>
      {text.split('\u0000').map((piece, i) => (i % 2 === 1 && piece in nodes ? <Fragment key={i}>{nodes[piece]}</Fragment> : piece))}
    </>
  );
}

/** The script a text's letters are in, by its first letter of a script the six languages use. */
function scriptOf(text: string): 'latin' | 'arabic' | 'han' | 'cyrillic' | null {
  const letter = /[A-Za-z\u00C0-\u024F]|[\u0600-\u06FF]|[\u3400-\u9FFF]|[\u0400-\u04FF]/.exec(text)?.[0];
  if (!letter) return null;
  if (/[\u0600-\u06FF]/.test(letter)) return 'arabic';
  if (/[\u3400-\u9FFF]/.test(letter)) return 'han';
  if (/[\u0400-\u04FF]/.test(letter)) return 'cyrillic';
  return 'latin';
}
const SCRIPT: Record<Language, ReturnType<typeof scriptOf>> = { ar: 'arabic', zh: 'han', ru: 'cyrillic', en: 'latin', fr: 'latin', es: 'latin' };

/**
 * A text a person wrote (a position, a milestone, a message) in a language the platform does not
 * record. Isolated, in the direction of its own letters; where its letters are not the page's script
 * (Latin text on an Arabic page), it says so: `lang=""` (an unknown language, not the page's) and the
 * "as written: not translated" mark, so that it is never read as the page's language.
 */
export function AsWritten({ children, mark = true }: { children: string; mark?: boolean }) {
  const { t } = useTranslation();
  const page = useLang();
  const script = scriptOf(children);
  if (script === null || script === SCRIPT[page]) return <bdi dir="auto">{children}</bdi>;
  return (
    <>
      <bdi lang="" dir="auto">
        {children}
      </bdi>
      {mark ? (
        <>
          {' '}
          <Badge variant="outline" color="#9c3a00" data-fallback="as-written" className={classes.badge}>
            {t('common.asWritten')}
          </Badge>
        </>
      ) : null}
    </>
  );
}

/**
 * A six-language text as a native select's option, which cannot hold an element: in the page's
 * language; or, when it has none, the English text isolated (U+2066…U+2069 on pages in Arabic,
 * Chinese and Russian) followed by the words "in English" in the page's language
 * (`common.fallbackOption`), on an option whose own `lang` is `en`. The browser test accepts exactly that.
 * `prefix` and `suffix` (a symbol, a date) are in the page's language, their codes isolated by the caller.
 */
export function LocalizedOption({ value, text, prefix = '', suffix = '' }: { value: string; text: LocalizedText; prefix?: string; suffix?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = inLanguage(text, lang);
  if (!shown.fallback) return <option value={value}>{prefix + shown.text + suffix}</option>;
  return (
    <option value={value} lang="en" data-fallback="">
      {prefix + t('common.fallbackOption', { text: isolated(shown.text, lang), interpolation: { escapeValue: false } }) + suffix}
    </option>
  );
}

/** The six languages as a native select's options, each named in itself and marked as such. */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l} dir={directionOf(l)}>
          {NATIVE_NAMES[l]}
        </option>
      ))}
    </>
  );
}
