import { create } from 'xmlbuilder2';
import { type Language } from '../../kernel/languages.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** A text in the language the feed asked for, or in the one it falls back to. */
export interface FeedText {
  text: string;
  language: Language;
  /** True when the text is not in the feed's language (it is then marked with its own `xml:lang`). */
  fallback: boolean;
}

export interface FeedEntry {
  /** A permanent, unique id (a `urn:uuid:` for the platform's records). */
  id: string;
  title: FeedText;
  summary?: FeedText;
  /** The page of the entry, for people. */
  link: string;
  /** Other representations (the API's JSON, an AKN file), with their media types. */
  alternates?: { href: string; type: string }[];
  updated: Date;
  published?: Date;
  categories?: string[];
}

export interface Feed {
  /** A permanent id of the feed itself. */
  id: string;
  title: string;
  subtitle?: string;
  language: Language;
  /** The feed's own URL (rel="self"), and the page it summarises. */
  self: string;
  page: string;
  /** Newest first. */
  entries: FeedEntry[];
  /** When the feed's data last changed; the newest entry's time if absent. */
  updated?: Date;
}

/** The mark RFC 4287 readers see on an entry whose text could not be given in the feed's language. */
export const FALLBACK_CATEGORY = 'language-fallback';

/**
 * An Atom 1.0 feed (RFC 4287): the feed in the language asked for (`xml:lang` on the root), each
 * entry's texts in that language where they exist, else in the language they exist in, marked with
 * their own `xml:lang` and a `language-fallback` category, as the pages mark such text.
 */
export function atomFeed(feed: Feed): string {
  const updated = feed.updated ?? feed.entries[0]?.updated ?? new Date(0);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NAMESPACE, 'feed', { 'xml:lang': feed.language });
  root.ele('id').txt(feed.id);
  root.ele('title').txt(feed.title);
  if (feed.subtitle) root.ele('subtitle').txt(feed.subtitle);
  root.ele('updated').txt(updated.toISOString());
  root.ele('author').ele('name').txt('Secretariat of the Programme of Action');
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.self });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.page });
  root.ele('generator').txt('PoA Platform');
  for (const e of feed.entries) {
    const entry = root.ele('entry');
    entry.ele('id').txt(e.id);
    text(entry, 'title', e.title, feed.language);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: e.link });
    for (const a of e.alternates ?? []) entry.ele('link', { rel: 'alternate', type: a.type, href: a.href });
    entry.ele('updated').txt(e.updated.toISOString());
    if (e.published) entry.ele('published').txt(e.published.toISOString());
    for (const c of e.categories ?? []) entry.ele('category', { term: c });
    if (e.title.fallback || e.summary?.fallback) entry.ele('category', { term: FALLBACK_CATEGORY, label: `Not available in ${feed.language}` });
    if (e.summary) text(entry, 'summary', e.summary, feed.language);
  }
  return root.end({ prettyPrint: true });
}

function text(parent: ReturnType<typeof create>, name: string, t: FeedText, feedLanguage: Language): void {
  const attributes: Record<string, string> = { type: 'text' };
  if (t.language !== feedLanguage) attributes['xml:lang'] = t.language;
  parent.ele(name, attributes).txt(t.text);
}
