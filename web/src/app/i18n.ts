import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';
import { type Language, LANGUAGES } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** Each language's strings are their own chunk: a page loads only the language it shows. */
const loaders: Record<Language, () => Promise<{ default: Resource[string]['translation'] }>> = {
  ar: () => import('../locales/ar.json'),
  zh: () => import('../locales/zh.json'),
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  ru: () => import('../locales/ru.json'),
  es: () => import('../locales/es.json'),
};

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

/** Loads a language's strings (once) and makes it the current language. */
export async function loadLanguage(lang: Language): Promise<void> {
  await init(lang);
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    const strings = await loaders[lang]();
    i18n.addResourceBundle(lang, 'translation', strings.default, true, true);
  }
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}
