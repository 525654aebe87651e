import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.js';
import type { Matcher } from './match.js';

/**
 * The one search over everything: where it looks, and why there is no table of its own.
 *
 * Each module that owns searchable data contributes a source: a SELECT over its own tables with its
 * own visibility rule in its WHERE clause (its `search-source.ts`, exported through its index.ts; app.ts
 * hands them to the search). Every table a source reads keeps its folded text and its word vector as
 * columns with their GIN indexes (drizzle/0030, and framework_search_current of 0033-0034 for the
 * framework versions that stand): words through `poa_search_vector` (the `simple` configuration and
 * the English, French, Spanish and Russian stemmers, and the two-character grams of Chinese, Japanese
 * and Korean since drizzle/0027), substrings (Arabic) through pg_trgm.
 * The search unions the sources (search.ts).
 *
 * Why not one `search_entries` table written by each use case: every use case that changes a searchable
 * text (a dozen, in eight modules) would have to write it, and every entry would carry who may see it, a
 * second statement of each module's visibility rule that could drift from the first. An expression index
 * is updated by the very statement that changes the row, in its transaction: the index is in step by
 * construction, no use case changes, and each rule stays in its module. (The vectors are now generated
 * columns, drizzle/0030, for the same reason: computed by the statement that writes the row.)
 */

/** What the search finds, one kind per source. */
export const SEARCH_KINDS = [
  'framework-element',
  'document',
  'outcome',
  'draft',
  'amendment',
  'report-section',
  'report-draft',
  'statement',
  'meeting',
  'working-group',
  'initiative',
  'capacity-need',
  'capacity-offer',
  'written-input',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What a source is asked for: the viewer (for its own visibility rule) and how to match a folded text. */
export interface SearchScope {
  actor: Actor | null;
  matcher: Matcher;
  /** The day "current" means (framework versions). */
  today: string;
}

/** A hit as the search holds it once ranked: the source's own `id` and `ref` (SQL text expressions). */
export interface SearchHitRef {
  id: SQL;
  ref: SQL;
}

/**
 * One module's contribution to the search, in two parts, so that only the results shown are ever built:
 *
 * `hits`: a SELECT of the rows the viewer may see that match, narrow, with these columns:
 *   id text (the item), ref text (what `shown` needs to find the very row again: a version, a
 *   submission; often the id), languages text[], on_date date, state text (ISO3 or null), rank real.
 * The module's visibility rule is applied in its own WHERE clause, so a row the viewer may not see is
 * never a row of the search at all: not a result, not a count, not a facet.
 *
 * `shown`: a SELECT of what one hit shows, given its id and ref (at most one row): title jsonb
 * ({ en: …, fr: … } or { "": … } for text in no stated language), parts jsonb ([{ anchor, lang, text }]:
 * the passages shown and linked to, e.g. paragraphs; anchor and lang may be null), link text (the web
 * path, without language). It runs only for the page of results kept after ranking, in the same
 * statement (so the same snapshot) as `hits`.
 */
export interface SearchSource {
  kind: SearchKind;
  hits(scope: SearchScope): SQL;
  shown(hit: SearchHitRef, scope: SearchScope): SQL;
}
