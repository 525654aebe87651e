import type { Executor } from '../../platform/db/database.js';
import type { Localized } from '../../kernel/languages.js';
import { listCycles } from '../reporting/index.js';
import { listMeetings } from '../meetings/index.js';
import { DATASET_TEXTS, type DatasetKind } from './datasets.js';
import { lastChange } from './changes.js';

export interface Distribution {
  format: 'JSON' | 'CSV' | 'Atom' | 'iCalendar' | 'Akoma Ntoso';
  mediaType: string;
  url: string;
}

export interface Dataset {
  id: string;
  kind: DatasetKind;
  title: Localized;
  description: Localized;
  /** The cycle or meeting a dataset of many is about. */
  about: { id: string; title: Localized } | null;
  /** When its data last changed (the newest recorded change), or null if it never has. */
  modified: Date | null;
  licence: string;
  /** The page where people read it. */
  landingPage: string;
  distributions: Distribution[];
}

const JSON_ = (url: string): Distribution => ({ format: 'JSON', mediaType: 'application/json', url });
const CSV = (url: string): Distribution => ({ format: 'CSV', mediaType: 'text/csv', url });
const ATOM = (url: string): Distribution => ({ format: 'Atom', mediaType: 'application/atom+xml', url });

/**
 * Every public dataset of the platform, in the manner of a DCAT catalogue: what it is (in the six
 * languages), when it last changed, its licence, and where to take it in each format. Only what the
 * public may read is listed: a reporting cycle's published answers, a meeting's list of participants
 * once the Secretariat has published it.
 */
export async function openDataCatalogue(db: Executor, input: { publicUrl: string; licence: string }) {
  const api = (path: string) => `${input.publicUrl}/api/v1${path}`;
  const page = (path: string) => `${input.publicUrl}/en${path}`;
  const kinds = Object.keys(DATASET_TEXTS) as DatasetKind[];
  const modified = new Map(await Promise.all(kinds.map(async (k) => [k, await lastChange(db, [k])] as const)));
  const dataset = (kind: DatasetKind, id: string, landingPage: string, distributions: Distribution[], about: Dataset['about'] = null): Dataset => ({
    id,
    kind,
    ...DATASET_TEXTS[kind],
    about,
    modified: modified.get(kind) ?? null,
    licence: input.licence,
    landingPage,
    distributions,
  });

  const cycles = await listCycles(db, null);
  const published = [];
  for (let offset = 0; ; offset += 500) {
    const rows = await listMeetings(db, { limit: 500, offset });
    published.push(...rows.filter((m) => m.participantsPublishedAt !== null));
    if (rows.length < 500) break;
  }

  const datasets: Dataset[] = [
    dataset('framework', 'framework', page('/framework'), [JSON_(api('/framework/export?format=json')), CSV(api('/framework/export?format=csv'))]),
    dataset('outcomes', 'outcomes', page('/outcomes'), [
      JSON_(api('/outcomes')),
      ATOM(api('/feeds/outcomes.atom?lang=en')),
      { format: 'Akoma Ntoso', mediaType: 'application/akn+xml', url: api('/outcomes/{id}/akn?lang=en') },
    ]),
    ...cycles.map((c) =>
      dataset('reports', `reports-${c.id}`, page(`/reporting/cycles/${c.id}/analysis`), [JSON_(api(`/reporting/cycles/${c.id}/export?format=json`)), CSV(api(`/reporting/cycles/${c.id}/export?format=csv`))], {
        id: c.id,
        title: { en: c.title },
      }),
    ),
    dataset('meetings', 'meetings', page('/calendar'), [
      JSON_(api('/meetings')),
      { format: 'iCalendar', mediaType: 'text/calendar', url: api('/calendar/meetings.ics') },
      ATOM(api('/feeds/meetings.atom?lang=en')),
    ]),
    ...published.map((m) =>
      dataset('participants', `participants-${m.id}`, page(`/meetings/${m.id}`), [JSON_(api(`/meetings/${m.id}/participants?format=json`)), CSV(api(`/meetings/${m.id}/participants?format=csv`))], {
        id: m.id,
        title: m.title,
      }),
    ),
    dataset('documents', 'documents', page('/documents'), [JSON_(api('/documents')), ATOM(api('/feeds/documents.atom?lang=en'))]),
    dataset('states', 'states', page('/states'), [JSON_(api('/states'))]),
  ];
  const newest = [...modified.values()].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return { publisher: 'Secretariat of the Programme of Action', licence: input.licence, modified: newest, datasets };
}
