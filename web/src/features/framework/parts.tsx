import { useState } from 'react';
import { Badge, Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { directionOf } from '../../app/languages';
import { useLang } from '../../app/paths';
import { isDate, type DisplayText, type ElementVersion, type SearchHit } from './queries';
import classes from './framework.module.css';
import ui from '../../ui/ui.module.css';

/** Whether a text is the official wording or our summary, said in words, never by colour alone. */
export function StatusBadge({ status }: { status: DisplayText['status'] }) {
  const { t } = useTranslation();
  return status === 'verbatim' ? (
    <Badge variant="light" color="un" data-status="verbatim" className={ui.badge}>
      {t('framework.status.verbatim')}
    </Badge>
  ) : (
    <Badge variant="outline" color="dark" data-status="summary" className={ui.badge}>
      {t('framework.status.summary')}
    </Badge>
  );
}


/**
 * An element's text: a verbatim text is quoted, a summary is plainly our own words (never a quotation).
 * The text is in its own language and direction (English, when the page's language has none).
 */
export function ElementText({ display, long = false }: { display: DisplayText; long?: boolean }) {
  const { t } = useTranslation();
  const lang = display.language;
  const props = { lang, dir: directionOf(lang) };
  if (display.status === 'verbatim') {
    return (
      <blockquote {...props} className={classes.quote} data-testid="element-text">
        {display.text}
      </blockquote>
    );
  }
  return (
    <div className={classes.summary} data-testid="element-text">
      {long ? (
        <Text size="sm" fw={600} mb={4}>
          {t('framework.summaryNotice')}
        </Text>
      ) : null}
      <p {...props} className={classes.summaryText}>
        {display.text}
      </p>
    </div>
  );
}

/** The source citation, with a button that copies it. */
export function Citation({ version }: { version: Pick<ElementVersion, 'source'> }) {
  const { t } = useTranslation();
  const citation = version.source.citation;
  return (
    <Group gap="xs" wrap="nowrap" align="center" className={classes.citation}>
      <Text size="sm">
        <span className={classes.citationLabel}>{t('framework.source')}: </span>
        <cite lang="en" dir="ltr" className={classes.cite}>
          {citation}
        </cite>
      </Text>
      <CopyButton value={citation}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} className={ui.noPrint} aria-label={`${t('framework.copyCitation')}: ${citation}`}>
            {copied ? t('framework.copied') : t('framework.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** Search fragments: matched words in <mark>, every part as text (never as HTML). */
export function Fragments({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const display = new Intl.DisplayNames([lang], { type: 'language' });
  return (
    <>
      {hit.fragments.map((f, i) => (
        <Text key={i} size="sm" className={classes.fragment}>
          {f.language !== lang ? <span className={classes.fragmentLanguage}>{t('framework.search.inLanguage', { language: display.of(f.language) ?? f.language })} </span> : null}
          <span lang={f.language} dir={directionOf(f.language)}>
            {f.parts.map((p, j) => (p.match ? <mark key={j}>{p.text}</mark> : <span key={j}>{p.text}</span>))}
          </span>
        </Text>
      ))}
    </>
  );
}

/** A date field that changes the page's date only once the date typed is whole. */
export function DateField({ label, description, value, onChange }: { label: string; description?: string; value: string; onChange: (date: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return (
    <TextInput
      type="date"
      label={label}
      description={description}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (isDate(next)) onChange(next);
      }}
      className={classes.date}
    />
  );
}
