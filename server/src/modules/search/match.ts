import { sql, type SQL } from 'drizzle-orm';
import { gramQuery, likePattern, tsOperand, type SearchPlan } from './query.js';

/**
 * A search plan as SQL over a folded text `d`, for the indexes of drizzle/0019_search.sql: words through
 * `poa_search_vector(d)` (one GIN index per source: the `simple` configuration and the English, French,
 * Spanish and Russian stemmers together), substrings through `d LIKE` (one trigram index per source); Chinese, Japanese and Korean as phrases of their
 * grams in the same word vectors (drizzle/0027).
 * A source passes the very expression its indexes are built on, so the planner can use them.
 */

/** The stemmers every word is looked up with: the query is built like `poa_search_vector`. */
const CONFIGS = ['simple', 'english', 'french', 'spanish', 'russian'] as const;

function anyLanguage(build: (config: string) => SQL): SQL {
  return sql.join(CONFIGS.map((c) => build(c)), sql` || `);
}

/** The tsquery of a plan's words and phrases, or null when it has none (substrings only). */
export function tsQueryOf(plan: SearchPlan): SQL | null {
  const parts: SQL[] = [];
  for (const w of plan.words) {
    const operand = tsOperand(w.text, w.prefix);
    parts.push(sql`(${anyLanguage((c) => sql`to_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${operand})`)})`);
  }
  for (const p of plan.phrases) {
    const words = p.join(' ');
    parts.push(sql`(${anyLanguage((c) => sql`phraseto_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${words})`)})`);
  }
  for (const g of plan.grams) parts.push(sql`(${gramQuery(g)}::tsquery)`);
  return parts.length ? sql.join(parts, sql` && `) : null;
}

export interface Matcher {
  /** Whether the folded text `d` matches the whole plan. */
  match(d: SQL): SQL;
  /** How well it matches (higher is better). */
  rank(d: SQL): SQL;
}

export function matcherOf(plan: SearchPlan): Matcher {
  const q = tsQueryOf(plan);
  return {
    match: (d) => {
      const conditions: SQL[] = [];
      if (q) conditions.push(sql`poa_search_vector(${d}) @@ (${q})`);
      for (const s of plan.substrings) conditions.push(sql`${d} LIKE ${likePattern(s)}`);
      return sql.join(conditions, sql` AND `);
    },
    rank: (d) =>
      q
        ? // Ranked on the words as written only (one vector, not five): a word found as typed ranks above
          // one found through a stemmer, and a match costs one to_tsvector, not five; with the grams of
          // Chinese, Japanese or Korean when the query has some.
          plan.grams.length
          ? sql`ts_rank(to_tsvector('simple'::regconfig, ${d}) || poa_cjk_grams(${d}), (${q}))::real`
          : sql`ts_rank(to_tsvector('simple'::regconfig, ${d}), (${q}))::real`
        : sql`(1.0 / (1 + strpos(${d}, ${plan.substrings[0]!})))::real`,
  };
}
