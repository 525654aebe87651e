import { useMemo } from 'react';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../app/i18n';
import type { Language } from '../app/languages';
import { useLang } from '../app/paths';

/*
 * Times on the platform are stored in UTC; a meeting, a deadline or a cycle carries the IANA time
 * zone it was set in, and is shown in it, with the zone named. Everything about zones is here.
 */

/** The viewer's own time zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zone's name in a language ("Eastern Time", "heure de l’Est"), at an instant (summer or winter). */
export function zoneName(zone: string, lang: Language, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

export interface ZoneFormat {
  /** With the time of day (the default), or the date alone. */
  time?: boolean;
  /** With the seconds (a countdown's clock). */
  seconds?: boolean;
  /** With the zone named after it: "… (Central European Time, time zone Europe/Zurich)" (the default). */
  named?: boolean;
  /** With the day of the week ("Friday 15 March 2027"): a deadline people count days to. */
  weekday?: boolean;
}

const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at);

/** An identifier (a zone's IANA name) kept left-to-right inside a right-to-left sentence. */
const isolated = (id: string, lang: Language) => (lang === 'ar' ? `\u2066${id}\u2069` : id);

/** A zone named after a time, in the page's language: "(Central European Time, time zone Europe/Zurich)". */
function named(time: string, zone: string, lang: Language, at: Date): string {
  return i18n.t('common.inZone', { lng: lang, time, zone: zoneName(zone, lang, at), id: isolated(zone, lang) });
}

/**
 * An instant as the clocks show it in a time zone, in the page's language, and by default with the
 * zone named: "15 March 2027 at 12:00 (Central European Time, time zone Europe/Zurich)".
 */
export function formatInZone(at: string | Date, zone: string, lang: Language, { time = true, seconds = false, named: withName = true, weekday = false }: ZoneFormat = {}): string {
  const date = toDate(at);
  const wall = new Intl.DateTimeFormat(lang, { dateStyle: weekday ? 'full' : 'long', ...(time ? { timeStyle: seconds ? 'medium' : 'short', hourCycle: 'h23' as const } : {}), timeZone: zone }).format(date);
  return withName ? named(wall, zone, lang, date) : wall;
}

/** From one instant to another in a time zone, the zone named once: a meeting's dates. */
export function formatRangeInZone(from: string | Date, to: string | Date, zone: string, lang: Language): string {
  const start = toDate(from);
  const range = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: zone }).formatRange(start, toDate(to));
  return named(range, zone, lang, start);
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
    const option = (zone: string) => ({ value: zone, label: `${zone} — ${zoneName(zone, lang)}` });
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
