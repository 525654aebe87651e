import { useId } from 'react';
import { Fieldset, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { directionOf, LANGUAGES, type Language } from '../app/languages';
import { useLang } from '../app/paths';
import type { LocalizedText } from './localized';
import classes from './ui.module.css';

/** A text being written in the six languages: what each field holds, empty ones included. */
export type LocalizedDraft = Partial<Record<Language, string>>;

/** A text the platform holds, as a draft to edit. */
export const draftOf = (text: LocalizedText | LocalizedDraft): LocalizedDraft => ({ ...text });

/** What is sent: English always, the other languages when given, each trimmed. */
export function localizedBody(draft: LocalizedDraft): LocalizedText {
  const out: LocalizedText = { en: (draft.en ?? '').trim() };
  for (const l of LANGUAGES) if (l !== 'en' && draft[l]?.trim()) out[l] = draft[l]!.trim();
  return out;
}

/** English first (the platform's fallback), then the others in the UN's order. */
const ORDER: Language[] = ['en', ...LANGUAGES.filter((l) => l !== 'en')];

/**
 * One text in the six languages (a title, a name, a mandate): English required, the five others
 * optional, each field in its own language and direction. `folded` puts the five in a disclosure
 * that says how many are given, so a form with many such texts (an agenda) stays short.
 */
export function LocalizedFields({
  label,
  value,
  onChange,
  error,
  multiline = false,
  folded = false,
  maxLength,
}: {
  /** The text's name, as in "Title in English", "Title in French (optional)". */
  label: string;
  value: LocalizedDraft;
  onChange: (value: LocalizedDraft) => void;
  /** The English field's error (the others are optional). */
  error?: string | null | undefined;
  multiline?: boolean;
  folded?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const field = (l: Language) => {
    const props = {
      id: `${id}-${l}`,
      label: l === 'en' ? t('common.localized.inEnglish', { label }) : t('common.localized.inLanguage', { label, language: names.of(l) ?? l }),
      value: value[l] ?? '',
      onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [l]: e.currentTarget.value }),
      error: l === 'en' ? error : null,
      required: l === 'en',
      lang: l,
      dir: directionOf(l),
      maxLength,
    };
    return multiline ? <Textarea key={l} {...props} autosize minRows={l === 'en' ? 3 : 1} /> : <TextInput key={l} {...props} />;
  };
  const others = ORDER.slice(1);
  if (!folded) {
    return (
      <Fieldset legend={label}>
        <Stack gap="sm">{ORDER.map(field)}</Stack>
      </Fieldset>
    );
  }
  const given = others.filter((l) => value[l]?.trim()).length;
  return (
    <div className={classes.localized}>
      {field('en')}
      <details className={classes.translations}>
        <summary>{t('common.localized.others', { count: given })}</summary>
        <Stack gap="xs" mt="xs">
          {others.map(field)}
        </Stack>
      </details>
    </div>
  );
}
