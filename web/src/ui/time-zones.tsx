import { useMemo } from 'react';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../app/languages';
import { useLang } from '../app/paths';
import { isolated, isolatedLatin } from './localized';

/*
 * Times on the platform are stored in UTC; a meeting, a deadline or a cycle carries the IANA time
 * zone it was set in, and is shown in it, with the zone named. The zones are here (their names, the
 * viewer's, the chooser); the times written in them are in ./dates.
 */

/** The viewer's own time zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zone's name in a language ("Eastern Time", "heure de l’Est"), at an instant (summer or winter). */
export function zoneName(zone: string, lang: Language, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    // Where the language has no name for a zone, Intl names it after its city in Latin letters
    // ("توقيت Eirunepe"): that run keeps its order, isolated, on a page in Arabic, Chinese or Russian.
    return part?.value ? isolatedLatin(part.value, lang) : isolated(zone, lang);
  } catch {
    return isolated(zone, lang);
  }
}

/** The zones people set UN deadlines and meetings in most (New York, Geneva, Vienna, Nairobi), first. */
const FREQUENT = ['America/New_York', 'Europe/Zurich', 'Europe/Vienna', 'Africa/Nairobi', 'UTC'];

function allZones(): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return supported.filter((z) => !FREQUENT.includes(z));
}

/**
 * The one time-zone chooser: every IANA zone the browser knows, each as its identifier then its name
 * in the page's language, the most used first. A native select: typing the first letters of a zone
 * ("Europe/V") goes to it, with the keyboard and screen readers as they are.
 */
export function TimeZoneSelect({
  label,
  description,
  value,
  onChange,
  error,
  required = true,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | null | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useMemo(() => {
    const option = (zone: string) => ({ value: zone, label: `${isolated(zone, lang)} — ${zoneName(zone, lang)}` });
    const rest = allZones();
    // A zone saved before that this browser does not list stays choosable.
    if (value && !FREQUENT.includes(value) && !rest.includes(value)) rest.unshift(value);
    return [
      { group: t('common.zones.frequent'), items: FREQUENT.map(option) },
      { group: t('common.zones.all'), items: rest.map(option) },
    ];
  }, [lang, t, value]);
  return <NativeSelect label={label} description={description} required={required} data={data} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}
