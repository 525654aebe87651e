import { Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { directionOf } from '../../app/languages';
import { useLang } from '../../app/paths';
import type { SearchItem } from './queries';
import classes from './search.module.css';

/** The highlighted passages of a result; a passage in another language than the page's says so and carries its own lang and dir. */
export function Passages({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const display = new Intl.DisplayNames([lang], { type: 'language' });
  return (
    <>
      {item.fragments.map((f, i) => (
        <Text key={i} size="sm" className={classes.passage}>
          {f.language && f.language !== lang ? <span className={classes.passageLanguage}>{t('search.inLanguage', { language: display.of(f.language) ?? f.language })} </span> : null}
          {/* Isolated, in its own language; a passage whose language is not recorded says so (lang=""). */}
          <bdi lang={f.language ?? ''} dir={f.language ? directionOf(f.language) : 'auto'}>
            {f.parts.map((p, j) => (p.match ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>))}
          </bdi>
        </Text>
      ))}
    </>
  );
}
