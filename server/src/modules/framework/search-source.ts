import { sql } from 'drizzle-orm';
import type { SearchSource } from '../search/index.js';

/**
 * The framework's part of the global search: each element in force today, in its current version
 * (the version standing today, not ended). The framework is public. Its own search, "as of" any date,
 * uses the same matching (reading.ts: searchFramework).
 */
export const frameworkSearchSource: SearchSource = {
  kind: 'framework-element',
  rows: ({ matcher, today }) => sql`
    SELECT 'framework-element' AS kind, v.code AS id,
      (SELECT jsonb_object_agg(t.key, t.value->>'title') FROM jsonb_each(v.texts) t) AS title,
      (SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value->>'text')) FROM jsonb_each(v.texts) t) AS parts,
      ARRAY(SELECT jsonb_object_keys(v.texts)) AS languages,
      v.effective_on AS on_date, NULL::text AS state, '/framework/' || v.code AS link,
      ${matcher.rank(sql`v.search_text`)} AS rank
    FROM framework_versions v
    WHERE ${matcher.match(sql`v.search_text`)}
      AND v.effective_on <= ${today}::date AND v.change NOT IN ('superseded', 'retired')
      AND NOT EXISTS (
        SELECT 1 FROM framework_versions later WHERE later.code = v.code AND later.effective_on <= ${today}::date
          AND (later.effective_on > v.effective_on OR (later.effective_on = v.effective_on AND later.version > v.version)))`,
};
