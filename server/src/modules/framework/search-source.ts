import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';
import { standsOn } from './reading.js';

/**
 * The framework's part of the global search: each element in force today, in its current version
 * (the version standing today, not ended). The framework is public. Its own search, "as of" any date,
 * uses the same matching (reading.ts: searchFramework).
 */
export const frameworkSearchSource: SearchSource = {
  kind: 'framework-element',
  hits: ({ matcher, today }) => sql`
    SELECT v.code AS id, v.version::text AS ref, ARRAY(SELECT jsonb_object_keys(v.texts)) AS languages,
      v.effective_on AS on_date, NULL::text AS state, ${matcher.rank(searchedIn('v'))} AS rank
    FROM framework_versions v
    WHERE ${matcher.match(searchedIn('v'))}
      AND v.effective_on <= ${today}::date AND v.change NOT IN ('superseded', 'retired')
      AND ${standsOn('v', sql`${today}::date`)}`,
  shown: ({ id, ref }) => sql`
    SELECT (SELECT jsonb_object_agg(t.key, t.value->>'title') FROM jsonb_each(v.texts) t) AS title,
      (SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value->>'text')) FROM jsonb_each(v.texts) t) AS parts,
      '/framework/' || v.code AS link
    FROM framework_versions v WHERE v.code = ${id} AND v.version = ${ref}::integer`,
};
