import { useTranslation } from './i18n';
import { Link, useLocation } from 'react-router';
import { LANGUAGES, NATIVE_NAMES, pathInLanguage } from './languages';
import { useLang } from './paths';
import classes from './Layout.module.css';

/**
 * The six languages, each named in itself, as on the United Nations' own sites. `classNames` styles
 * them elsewhere than on the top bar's dark blue (the phone menu).
 */
export function LanguageSwitcher({ classNames }: { classNames?: { list: string; link: string } } = {}) {
  const { t } = useTranslation();
  const current = useLang();
  const { pathname, search } = useLocation();
  return (
    <nav aria-label={t('layout.languages')}>
      <ul className={classNames?.list ?? classes.languages}>
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            <Link
              to={pathInLanguage(pathname, search, lang)}
              lang={lang}
              hrefLang={lang}
              aria-current={lang === current ? 'true' : undefined}
              className={classNames?.link ?? classes.languageLink}
            >
              {NATIVE_NAMES[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
