import type { Executor } from '../../platform/db/database.js';
import { inLanguage, type Language } from '../../kernel/languages.js';
import { listDocuments } from '../documents/index.js';
import { listOutcomes } from '../decisions/index.js';
import { recentlyChangedMeetings } from '../meetings/index.js';
import { atomFeed, type FeedEntry } from './atom.js';
import { FEED_TITLES, type FeedKind } from './datasets.js';
import { lastChange } from './changes.js';

/** How many entries a feed holds: the newest. */
export const FEED_LENGTH = 50;

/** A feed of new and changed documents, outcomes or meetings, in a language (with fallbacks marked). */
export async function feedOf(db: Executor, input: { kind: FeedKind; language: Language; publicUrl: string }): Promise<string> {
  const { kind, language, publicUrl } = input;
  const page = (path: string) => `${publicUrl}/${language}${path}`;
  const entries = await ENTRIES[kind](db, language, page, publicUrl);
  const changed = await lastChange(db, [kind]);
  return atomFeed({
    id: `${publicUrl}/api/v1/feeds/${kind}.atom`,
    title: inLanguage(FEED_TITLES[kind], language).text,
    language,
    self: `${publicUrl}/api/v1/feeds/${kind}.atom?lang=${language}`,
    page: page(kind === 'meetings' ? '/calendar' : `/${kind}`),
    entries,
    updated: changed ?? entries[0]?.updated ?? new Date(0),
  });
}

type Entries = (db: Executor, language: Language, page: (path: string) => string, publicUrl: string) => Promise<FeedEntry[]>;

const ENTRIES: Record<FeedKind, Entries> = {
  documents: async (db, language, page, publicUrl) => {
    const { items } = await listDocuments(db, { limit: FEED_LENGTH });
    return items
      .map((d) => {
        const title = inLanguage(d.title, language);
        const updated = [d.createdAt, ...d.files.map((f) => f.uploadedAt)].reduce((a, b) => (b > a ? b : a));
        return {
          id: `urn:uuid:${d.id}`,
          title: { ...title, text: `${d.symbol} — ${title.text}` },
          link: page(`/documents/${d.id}`),
          alternates: [{ href: `${publicUrl}/api/v1/documents/${d.id}`, type: 'application/json' }],
          updated,
          published: d.createdAt,
          categories: [d.type],
        };
      })
      .sort((a, b) => b.updated.getTime() - a.updated.getTime());
  },
  outcomes: async (db, language, page, publicUrl) =>
    (await listOutcomes(db)).slice(0, FEED_LENGTH).map((o) => ({
      id: `urn:uuid:${o.id}`,
      // Outcomes are adopted in English: elsewhere the title is English, marked as such.
      title: { text: `${o.symbol} — ${o.title}`, language: 'en', fallback: language !== 'en' },
      link: page(`/outcomes/${o.id}`),
      alternates: [
        { href: `${publicUrl}/api/v1/outcomes/${o.id}`, type: 'application/json' },
        { href: `${publicUrl}/api/v1/outcomes/${o.id}/akn?lang=en`, type: 'application/akn+xml' },
      ],
      updated: o.adoptedAt,
      published: o.adoptedAt,
      categories: [o.kind],
    })),
  meetings: async (db, language, page, publicUrl) =>
    (await recentlyChangedMeetings(db, FEED_LENGTH)).map((m) => {
      const title = inLanguage(m.title, language);
      return {
        id: `urn:uuid:${m.id}`,
        title,
        summary: { text: `${m.local.startsAt} – ${m.local.endsAt} (${m.timeZone})${m.venue ? `, ${m.venue}` : ''}`, language, fallback: false },
        link: page(`/meetings/${m.id}`),
        alternates: [{ href: `${publicUrl}/api/v1/meetings/${m.id}`, type: 'application/json' }],
        updated: m.updatedAt,
        published: m.createdAt,
        categories: [m.kind, m.status],
      };
    }),
};
