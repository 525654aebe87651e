import { useEffect, useState, type ReactNode } from 'react';
import { Outlet, useParams } from 'react-router';
import { loadLanguage } from './i18n';
import { directionOf, isLanguage, type Language } from './languages';

/**
 * Everything under `/:lang`: loads the language's strings, and sets `<html lang dir>`, which
 * Mantine's DirectionProvider follows, so the whole layout mirrors in Arabic.
 */
export function LanguageRoot({ fallback }: { fallback: ReactNode }) {
  const { lang } = useParams();
  const [loaded, setLoaded] = useState<Language | null>(null);

  useEffect(() => {
    if (!isLanguage(lang)) return;
    let current = true;
    void loadLanguage(lang).then(() => {
      if (!current) return;
      const html = document.documentElement;
      html.lang = lang;
      html.dir = directionOf(lang);
      setLoaded(lang);
    });
    return () => {
      current = false;
    };
  }, [lang]);

  if (!isLanguage(lang)) return fallback;
  // Until the first language is loaded there is nothing to say; a switch keeps the old page meanwhile.
  if (!loaded) return null;
  return <Outlet />;
}
