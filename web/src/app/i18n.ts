import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALE_PARTS, loadPart as fetchPart } from 'virtual:locale-parts';
import type en from '../locales/en.json';
import { type Language, LANGUAGES } from './languages';

/** A part of the strings: `shell` (the layout's), or a top-level key of the locale files. */
export type LocalePart = 'shell' | keyof typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const i18n = i18next.createInstance();

let ready: Promise<unknown> | null = null;

function init(lang: Language): Promise<unknown> {
  ready ??= i18n.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return ready;
}

/*
 * Each language's strings come in parts, each its own small chunk (scripts/locale-parts.ts): the
 * shell's (the layout's and what every page shares) with the app, and each route's with its page
 * (router.tsx). Every part asked for once is kept in every language the reader switches to.
 */
const wanted = new Set<LocalePart>(['shell']);
const loading = new Map<string, Promise<void>>();
/** The language being shown, or about to be. */
let current: Language | null = null;

function loadPart(lang: Language, part: LocalePart): Promise<void> {
  const id = `${lang}:${part}`;
  let done = loading.get(id);
  if (!done) {
    done = fetchPart(lang, part).then((strings) => {
      i18n.addResourceBundle(lang, 'translation', strings.default, true, true);
    });
    // A part that failed to arrive (the network) is asked for again next time.
    done.catch(() => loading.delete(id));
    loading.set(id, done);
  }
  return done;
}

/** Loads a language's strings (the shell's and every part asked for so far, once) and makes it the current language. */
export async function loadLanguage(lang: Language): Promise<void> {
  current = lang;
  await init(lang);
  await Promise.all([...wanted].map((part) => loadPart(lang, part)));
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

/** Loads parts of the strings in the language shown (and keeps them for any language switched to). */
export async function loadParts(parts: readonly LocalePart[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  // Before the first language is known, loadLanguage loads them with the shell's.
  if (!current) return;
  const lang = current;
  await Promise.all(parts.map((part) => loadPart(lang, part)));
}

/** Every part from now on (the component tests, which render pages without their routes). */
export function loadEveryPart(): void {
  for (const part of LOCALE_PARTS as LocalePart[]) wanted.add(part);
}
