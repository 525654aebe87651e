import type { Executor } from '../../platform/db/database.js';
import type { Localized } from '../../kernel/languages.js';
import { listMeetings } from '../meetings/index.js';
import { listDocuments } from '../documents/index.js';
import { listOutcomes } from '../decisions/index.js';
import { listCycles } from '../reporting/index.js';
import type { Topic } from './topics.js';

/** One new public thing: its title, and its page under /<lang>/. */
export interface NewsItem {
  title: Localized;
  path: string;
  at: Date;
}

/** What is new in a topic in (since, until]: public things only (each module's public list). */
export type NewsSource = (db: Executor, since: Date, until: Date) => Promise<NewsItem[]>;

const within = (at: Date, since: Date, until: Date) => at.getTime() > since.getTime() && at.getTime() <= until.getTime();

/**
 * The sources of the digest, read through each module's public listing. (They read the whole list and
 * keep what is new: enough for the numbers of a PoA; a module may later offer a "since" query.)
 */
export const newsSources: Record<Topic, NewsSource> = {
  meetings: async (db, since, until) =>
    // The public's view (no draft); a meeting is new when it was announced, which for a draft is after it was saved.
    (await listMeetings(db, { limit: 10_000 }))
      .map((m) => ({ m, at: m.announcedAt ?? m.createdAt }))
      .filter(({ at }) => within(at, since, until))
      .map(({ m, at }) => ({ title: m.title, path: `meetings/${m.id}`, at })),
  documents: async (db, since, until) =>
    (await listDocuments(db, { limit: 10_000 })).items
      .filter((d) => within(d.createdAt, since, until))
      .map((d) => ({ title: { ...d.title, en: `${d.symbol} — ${d.title.en}` }, path: `documents/${d.id}`, at: d.createdAt })),
  outcomes: async (db, since, until) =>
    (await listOutcomes(db)).filter((o) => within(o.adoptedAt, since, until)).map((o) => ({ title: { en: `${o.symbol} — ${o.title}` }, path: `outcomes/${o.id}`, at: o.adoptedAt })),
  reporting: async (db, since, until) =>
    (await listCycles(db, null))
      .map((c) => ({ c, at: new Date(`${c.openedOn}T00:00:00Z`) }))
      .filter(({ at }) => within(at, since, until))
      .map(({ c, at }) => ({ title: { en: c.title }, path: 'reporting', at })),
};
