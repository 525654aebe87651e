import type { Language } from '../app/languages';
import { isolated, isolatedLatin } from './localized';

/*
 * The zones' names and the viewer's zone, apart from the chooser (./time-zones, which brings a select):
 * every time shown names its zone (./dates), on pages that choose none.
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
