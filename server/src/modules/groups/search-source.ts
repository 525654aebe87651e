import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';

/** Working groups in the global search: public (groupsPolicy.read). */
export const groupsSearchSource: SearchSource = {
  kind: 'working-group',
  hits: ({ matcher }) => sql`
    SELECT g.id::text AS id, g.id::text AS ref, ARRAY(SELECT jsonb_object_keys(g.name)) AS languages, g.created_at::date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('g'))} AS rank
    FROM groups g
    WHERE ${matcher.match(searchedIn('g'))}`,
  shown: ({ id }) => sql`
    SELECT g.name AS title, (SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value)) FROM jsonb_each_text(g.mandate) t) AS parts,
      '/groups/' || g.id AS link
    FROM groups g WHERE g.id = ${id}::uuid`,
};
