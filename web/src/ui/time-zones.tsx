import { useMemo } from 'react';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { useLang } from '../app/paths';
import { isolated } from './localized';
import { viewerZone, zoneName } from './zones';

/*
 * Times on the platform are stored in UTC; a meeting, a deadline or a cycle carries the IANA time
 * zone it was set in, and is shown in it, with the zone named. The chooser is here; the zones' names
 * and the viewer's zone are in ./zones (without the chooser's select, for pages that only show times);
 * the times written in them are in ./dates.
 */

export { viewerZone, zoneName };

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
