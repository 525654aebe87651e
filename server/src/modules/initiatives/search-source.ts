import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';
import { visibleTo } from './reading.js';

/** Other initiatives in the global search, by the module's own condition `visibleTo` (published; a proposer its own; the Secretariat all). */
export const initiativesSearchSource: SearchSource = {
  kind: 'initiative',
  hits: ({ actor, matcher }) => {
    const visible = visibleTo(actor) ?? sql`true`;
    return sql`
      SELECT initiatives.id::text AS id, initiatives.id::text AS ref, ARRAY(SELECT jsonb_object_keys(initiatives.name)) AS languages,
        initiatives.updated_at::date AS on_date, initiatives.proposer_state AS state, ${matcher.rank(searchedIn('initiatives'))} AS rank
      FROM initiatives
      WHERE ${matcher.match(searchedIn('initiatives'))} AND (${visible})`;
  },
  shown: ({ id }) => sql`
    SELECT initiatives.name AS title,
      coalesce((SELECT jsonb_agg(jsonb_build_object('anchor', NULL, 'lang', t.key, 'text', t.value)) FROM jsonb_each_text(initiatives.summary) t), '[]'::jsonb) AS parts,
      '/initiatives/' || initiatives.id AS link
    FROM initiatives WHERE initiatives.id = ${id}::uuid`,
};
