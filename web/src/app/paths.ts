import { useParams } from 'react-router';
import { isLanguage, type Language } from './languages';

/** The language of the page, from the URL. */
export function useLang(): Language {
  const { lang } = useParams();
  return isLanguage(lang) ? lang : 'en';
}

/** A path inside the current language: `to('/states')` → `/fr/states`. */
export function useLocalPath(): (path: string) => string {
  const lang = useLang();
  return (path: string) => (path === '/' || path === '' ? `/${lang}` : `/${lang}${path.startsWith('/') ? path : `/${path}`}`);
}
