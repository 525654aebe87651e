import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';

/**
 * The framework's part of the global search: each element in force today, in its current version
 * (the version standing today, not ended). The framework is public. It looks in the versions in force
 * or to come (framework_search_current, kept by the database), not in every version ever recorded, and
 * asks each one's span for the day. Its own search, "as of" any date, matches the same way over every
 * version (reading.ts: searchFramework).
 */
export const frameworkSearchSource: SearchSource = {
  kind: 'framework-element',
  hits: ({ matcher, today }) => sql`
    SELECT c.code AS id, c.version::text AS ref, c.languages AS languages, c.effective_on AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('c'))} AS rank
    FROM framework_search_current c
    WHERE ${matcher.match(searchedIn('c'))}
      AND c.effective_on <= ${today}::date AND (c.ended_on IS NULL OR c.ended_on > ${today}::date)`,
  shown: ({ id, ref }) => sql`
    SELECT (SELECT jsonb_object_agg(t.key, t.value->>'title') FROM jsonb_each(v.texts) t) AS title,
      (SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value->>'text')) FROM jsonb_each(v.texts) t) AS parts,
      '/framework/' || v.code AS link
    FROM framework_versions v WHERE v.code = ${id} AND v.version = ${ref}::integer`,
};
