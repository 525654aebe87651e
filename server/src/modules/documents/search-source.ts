import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';

/** Official documents in the global search: every issued document is public (documentsPolicy.read). */
export const documentsSearchSource: SearchSource = {
  kind: 'document',
  hits: ({ matcher }) => sql`
    SELECT d.id::text AS id, d.id::text AS ref, ARRAY(SELECT jsonb_object_keys(d.title)) AS languages, d.date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('d'))} AS rank
    FROM documents d
    WHERE ${matcher.match(searchedIn('d'))}`,
  shown: ({ id }) => sql`
    SELECT d.title AS title, jsonb_build_array(jsonb_build_object('anchor', NULL, 'lang', NULL, 'text', d.symbol)) AS parts, '/documents/' || d.id AS link
    FROM documents d WHERE d.id = ${id}::uuid`,
};
