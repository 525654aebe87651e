import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database.js';
import { gramQuery, likePattern, tsOperand, type SearchPlan } from './query.js';

/**
 * A search plan as SQL over a searched text, for the indexes of drizzle/0019_search.sql and 0030: words
 * through its word vector (`poa_search_vector`: the `simple` configuration and the English, French,
 * Spanish and Russian stemmers together, and the two-character grams of Chinese, Japanese and Korean,
 * drizzle/0027), stored or as the expression its index is built on; substrings through `LIKE` on the
 * folded text (one trigram index per source).
 */

/** The stemmers every word is looked up with: the query is built like `poa_search_vector`. */
const CONFIGS = ['simple', 'english', 'french', 'spanish', 'russian'] as const;

/**
 * The plan's tsquery, as text, or null when it has none (substrings only): each word as every stemmer
 * reads it, each distinct lexeme once (most words read the same in four of the five, and a query that
 * names one lexeme five times is estimated five times as common as it is, so the planner read whole
 * tables for rare words). The word still being typed is a prefix as written (`simple`) and whole as
 * each stemmer reads it: a stem is no prefix ("internat…" is not every word in "intern…"). Built by the
 * database's own parsers and stemmers, in one round trip, so a query is the same one the vectors were.
 */
export async function tsQueryText(db: Executor, plan: SearchPlan): Promise<string | null> {
  const asked: SQL[] = [];
  plan.words.forEach((w, i) => {
    for (const c of CONFIGS) asked.push(sql`(${i}, to_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${tsOperand(w.text, w.prefix && c === 'simple')})::text)`);
  });
  plan.phrases.forEach((p, i) => {
    for (const c of CONFIGS) asked.push(sql`(${plan.words.length + i}, phraseto_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${p.join(' ')})::text)`);
  });
  const readings = new Map<number, Set<string>>();
  if (asked.length) {
    const result = await db.execute(sql`SELECT x.i::int AS i, x.q AS q FROM (VALUES ${sql.join(asked, sql`, `)}) AS x(i, q)`);
    for (const { i, q } of rowsOf<{ i: number; q: string }>(result)) {
      if (!readings.has(i)) readings.set(i, new Set());
      if (q) readings.get(i)!.add(q);
    }
  }
  const parts: string[] = [];
  // A word no stemmer keeps (a stop word in every one) asks for nothing, as to_tsquery's own did.
  for (const [, qs] of [...readings].sort(([a], [b]) => a - b)) if (qs.size) parts.push(`(${[...qs].map((q) => `(${q})`).join(' | ')})`);
  for (const g of plan.grams) parts.push(`(${gramQuery(g)})`);
  return parts.length ? parts.join(' & ') : null;
}

/**
 * A searchable row's text as the search reads it: every table a source searches keeps its folded text
 * (`search_text`) and its word vector (`search_words`, a generated column with its GIN index,
 * drizzle/0030) under these names; `alias` is the table's name or alias in the source's SELECT.
 */
export interface Searched {
  text: SQL;
  words: SQL;
}
export const searchedIn = (alias: string): Searched => ({ text: sql.raw(`${alias}.search_text`), words: sql.raw(`${alias}.search_words`) });

export interface Matcher {
  /** Whether the searched text matches the whole plan. */
  match(s: Searched): SQL;
  /** How well it matches (higher is better). */
  rank(s: Searched): SQL;
}

/** The matching of a plan, with its tsquery as `tsQueryText` built it. */
export function matcherOf(plan: SearchPlan, tsquery: string | null): Matcher {
  const q = tsquery === null ? null : sql`${tsquery}::tsquery`;
  return {
    match: (s) => {
      const { text, words } = s;
      const conditions: SQL[] = [];
      if (q) conditions.push(sql`${words} @@ (${q})`);
      for (const sub of plan.substrings) conditions.push(sql`${text} LIKE ${likePattern(sub)}`);
      return sql.join(conditions, sql` AND `);
    },
    rank: (s) => {
      const { text, words } = s;
      // Ranked on the very vector matched (every stemmer's lexemes and the grams of Chinese, Japanese and
      // Korean): a word found as typed matches its own lexeme and its stem, so it ranks above a word found
      // through a stemmer only; and a stored vector is read, never built again for each match.
      return q ? sql`ts_rank(${words}, (${q}))::real` : sql`(1.0 / (1 + strpos(${text}, ${plan.substrings[0]!})))::real`;
    },
  };
}
