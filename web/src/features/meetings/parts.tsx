import { useMemo } from 'react';
import { Badge, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf, LANGUAGES, type Language } from '../../app/languages';
import { useLang } from '../../app/paths';
import { localized, useMeetingLabels, type Localized, type Meeting, type MeetingStatus } from './queries';
import classes from './meetings.module.css';
import { FallbackMark, Localized as LocalizedText } from '../../ui/localized';

/** The zone's name in the page's language ("Eastern Time", "heure de l’Est") at an instant. */
export function zoneName(timeZone: string, lang: Language, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** An instant shown as the wall-clock time of a zone, in the page's language. */
export function formatInZone(instant: string | Date, timeZone: string, lang: Language, withTime = true): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short', hourCycle: 'h23' as const } : {}), timeZone }).format(d);
}

/** From start to end, in the meeting's own time zone. */
export function formatMeetingRange(m: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'>, lang: Language): string {
  const f = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: m.timeZone });
  return f.formatRange(new Date(m.startsAt), new Date(m.endsAt));
}

/** "12 March 2027, 10:00 – 16 March 2027, 18:00" and, beside it, the zone named: "Eastern Time (America/New_York)". */
export function MeetingDates({ meeting }: { meeting: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span data-testid="meeting-dates">
      <span>{formatMeetingRange(meeting, lang)}</span>{' '}
      <span className={classes.zone}>{t('calendar.zone', { zone: zoneName(meeting.timeZone, lang, new Date(meeting.startsAt)), id: meeting.timeZone })}</span>
    </span>
  );
}

/** A meeting's status in words (never by colour alone). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const labels = useMeetingLabels();
  const color = status === 'registration-open' ? '#1e6b30' : status === 'in-session' ? 'un.9' : status === 'closed' ? 'gray.8' : 'dark';
  return (
    <Badge variant={status === 'planned' ? 'outline' : 'filled'} color={color} className={classes.badge} data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}

export { FallbackMark, LocalizedText };


export type LocalizedDraft = Record<Language, string>;
export const emptyLocalized = (): LocalizedDraft => ({ ar: '', zh: '', en: '', fr: '', ru: '', es: '' });
export const draftOf = (text: Localized): LocalizedDraft => ({ ...emptyLocalized(), ...Object.fromEntries(Object.entries(text).filter(([, v]) => typeof v === 'string')) });
/** The texts given, English always; empty languages left out. */
export const localizedBody = (d: LocalizedDraft): Localized => {
  const out: Localized = { en: d.en.trim() };
  for (const l of LANGUAGES) if (l !== 'en' && d[l].trim()) out[l] = d[l].trim();
  return out;
};

/**
 * A text in the six languages: English required (the platform's fallback), the others optional,
 * in a disclosure so that a short form stays short.
 */
export function LocalizedFields({ label, value, onChange, error, idPrefix }: { label: string; value: LocalizedDraft; onChange: (v: LocalizedDraft) => void; error?: string | null; idPrefix: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const others = LANGUAGES.filter((l) => l !== 'en');
  const filled = others.filter((l) => value[l].trim()).length;
  return (
    <div className={classes.localized}>
      <TextInput
        id={`${idPrefix}-en`}
        label={t('meetings.form.inLanguage', { label, language: names.of('en') ?? 'en' })}
        required
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        error={error}
        lang="en"
        dir="ltr"
      />
      <details className={classes.translations}>
        <summary>{t('meetings.form.translations', { count: filled })}</summary>
        {others.map((l) => (
          <TextInput
            key={l}
            id={`${idPrefix}-${l}`}
            label={t('meetings.form.inLanguage', { label, language: names.of(l) ?? l })}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
            lang={l}
            dir={directionOf(l)}
            mt="xs"
          />
        ))}
      </details>
    </div>
  );
}

/** Every IANA time zone the browser knows, searchable; each named in the page's language. */
export function TimeZoneSelect({ value, onChange, error }: { value: string; onChange: (tz: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC', 'America/New_York', 'Europe/Zurich', 'Europe/Vienna', 'Africa/Nairobi'];
    const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
    return all.map((z) => ({ value: z, label: `${z} · ${zoneName(z, lang)}` }));
  }, [lang]);
  return (
    <Select
      label={t('meetings.form.timeZone')}
      description={t('meetings.form.timeZoneHelp')}
      required
      searchable
      data={data}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      nothingFoundMessage={t('meetings.form.noZone')}
      limit={50}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A meeting's title as plain text in the page's language (for document titles and labels). */
export function titleText(text: Localized, lang: Language): string {
  return localized(text, lang).text;
}
