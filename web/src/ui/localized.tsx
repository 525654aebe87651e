import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf, type Language } from '../app/languages';
import { useLang } from '../app/paths';
import classes from './ui.module.css';

/** A text the platform holds in some of the six languages; English always. */
export type LocalizedText = { en: string } & Partial<Record<Language, string>>;

/** The text in a language, or the English one with `fallback` saying so. */
export function inLanguage(text: LocalizedText, lang: Language): { text: string; language: Language; fallback: boolean } {
  const own = text[lang];
  if (own && own.trim()) return { text: own, language: lang, fallback: false };
  return { text: text.en, language: 'en', fallback: lang !== 'en' };
}

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

/** A text in the page's language (or English, marked), in its own language and direction. */
export function Localized({ text, mark = true }: { text: LocalizedText; mark?: boolean }) {
  const lang = useLang();
  const shown = inLanguage(text, lang);
  return (
    <>
      <span lang={shown.language} dir={directionOf(shown.language)}>
        {shown.text}
      </span>
      {mark && shown.fallback ? (
        <>
          {' '}
          <FallbackMark show />
        </>
      ) : null}
    </>
  );
}
