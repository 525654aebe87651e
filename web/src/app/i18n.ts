import { useSyncExternalStore } from 'react';
import { LOCALE_PARTS, loadPart as fetchPart } from 'virtual:locale-parts';
import type en from '../locales/en.json';
import type { Language } from './languages';

/*
 * The app's strings: a key's text in the language shown, its `{{name}}` places filled, its plural
 * chosen by the language's rules. The locale files keep i18next's JSON format (v4: `key_one`,
 * `key_other`, `key_zero` for a count of 0 where a language has it); the app used i18next and
 * react-i18next for it, 18 KB gzip of every page's first chunk for the few lines below (#18: the home
 * page under 150 KB). The lookup is i18next's: for a count, `key_zero` (count 0), then `key_<plural
 * category>` (Intl.PluralRules), then `key`; a missing key shows as the key itself; a place whose
 * value is not given stays as written (`{{name}}`), one given as undefined or null is left empty.
 */

/** A part of the strings: `shell` (the layout's), or a top-level key of the locale files. */
export type LocalePart = 'shell' | keyof typeof en;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralBase<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : never;
type Leaf = Leaves<typeof en>;
/** A key of the strings (a plural's key without its suffix): checked against the English file. */
export type TranslationKey = Leaf | PluralBase<Leaf>;

/** What `t` takes beside the key: the values of the text's places, `count` for a plural, `lng` for another language. */
export type TOptions = { count?: number; lng?: Language } & Record<string, unknown>;
export type TFunction = (key: TranslationKey, options?: TOptions) => string;

type Strings = Record<string, unknown>;
const loaded = new Map<Language, Strings>();
const plurals = new Map<Language, Intl.PluralRules>();

function lookup(strings: Strings | undefined, key: string): string | undefined {
  let at: unknown = strings;
  for (const step of key.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Strings)[step];
  }
  return typeof at === 'string' ? at : undefined;
}

function pluralOf(lang: Language, count: number): string {
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

function interpolate(text: string, values: Record<string, unknown>): string {
  return text.replace(/\{\{(.+?)\}\}/g, (place, name: string) => {
    const key = name.trim();
    if (!Object.prototype.hasOwnProperty.call(values, key)) return place;
    const value = values[key];
    return value === undefined || value === null ? '' : String(value);
  });
}

function translate(lang: Language | undefined, key: string, options: TOptions = {}): string {
  const strings = lang ? loaded.get(lang) : undefined;
  let text: string | undefined;
  if (typeof options.count === 'number' && lang) {
    if (options.count === 0) text = lookup(strings, `${key}_zero`);
    text ??= lookup(strings, `${key}_${pluralOf(lang, options.count)}`);
  }
  text ??= lookup(strings, key);
  return text === undefined ? key : interpolate(text, options);
}

const fixed = new Map<Language | undefined, TFunction>();
/** `t` in one language; the same function each time, so that it can be a hook's dependency. */
function fixedT(lang: Language | undefined): TFunction {
  let t = fixed.get(lang);
  if (!t) fixed.set(lang, (t = (key, options) => translate(options?.lng ?? lang, key, options)));
  return t;
}

/** The language shown (undefined until the first one's strings are there). */
let current: Language | undefined;
/** The language being loaded to be shown, or shown: the one whose parts a page asks for. */
let target: Language | undefined;
const listeners = new Set<() => void>();

export const i18n = {
  /** The language shown (undefined before the first). */
  get language(): Language | undefined {
    return current;
  },
  /** A string in the language shown, or in `lng`. */
  t: ((key, options) => translate(options?.lng ?? current, key, options)) as TFunction,
  /** Whether any of a language's strings are there. */
  hasStrings(lang: Language | undefined): boolean {
    return lang !== undefined && loaded.has(lang);
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The strings in the language shown: a component using it renders again when the language changes. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const lang = useSyncExternalStore(subscribe, () => current);
  return { t: fixedT(lang), i18n };
}

/** Deep: the shell holds single strings of parts (`capacity.nav`) that their part brings again in full. */
function merge(into: Strings, from: Strings): void {
  for (const [k, v] of Object.entries(from)) {
    const there = into[k];
    if (v && typeof v === 'object' && there && typeof there === 'object') merge(there as Strings, v as Strings);
    else into[k] = v;
  }
}

/*
 * Each language's strings come in parts, each its own small chunk (scripts/locale-parts.ts): the
 * shell's (the layout's and what every page shares) with the app, and each route's with its page
 * (router.tsx). Every part asked for once is kept in every language the reader switches to.
 */
const wanted = new Set<LocalePart>(['shell']);
/** The parts a first language waits for: the shell's (the layout's), or every part for the component tests. */
const awaited = new Set<LocalePart>(['shell']);
const loading = new Map<string, Promise<void>>();

function loadPart(lang: Language, part: LocalePart): Promise<void> {
  const id = `${lang}:${part}`;
  let done = loading.get(id);
  if (!done) {
    done = fetchPart(lang, part).then((strings) => {
      let all = loaded.get(lang);
      if (!all) loaded.set(lang, (all = {}));
      merge(all, strings.default);
    });
    // A part that failed to arrive (the network) is asked for again next time.
    done.catch(() => loading.delete(id));
    loading.set(id, done);
  }
  return done;
}

/**
 * Loads a language's strings (the shell's and every part asked for so far, once) and makes it the
 * current language: as soon as the shell's strings are there when it is the first language (the layout
 * needs no other, and each page waits for its own parts: router.tsx), so that on a slow connection the
 * layout and its progress indicator are drawn while the page's parts still come; once every part asked
 * for is there when switching, so that the page shown never loses its strings.
 */
export async function loadLanguage(lang: Language): Promise<void> {
  target = lang;
  const switching = current !== undefined && current !== lang;
  const all = [...wanted].map((part) => loadPart(lang, part));
  await (switching ? Promise.all(all) : Promise.all([...awaited].map((part) => loadPart(lang, part))));
  // Until then the page stays in the language it was in; a later switch, already asked for, wins.
  if (target === lang && current !== lang) {
    current = lang;
    for (const listener of listeners) listener();
  }
}

/** Loads parts of the strings in the language shown (and keeps them for any language switched to). */
export async function loadParts(parts: readonly LocalePart[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  // Before the first language is known, loadLanguage loads them with the shell's.
  if (!target) return;
  const lang = target;
  await Promise.all(parts.map((part) => loadPart(lang, part)));
}

/** Every part from now on (the component tests, which render pages without their routes). */
export function loadEveryPart(): void {
  for (const part of LOCALE_PARTS as LocalePart[]) {
    wanted.add(part);
    awaited.add(part);
  }
}
