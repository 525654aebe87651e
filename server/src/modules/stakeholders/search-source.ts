import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';

/**
 * Stakeholders' written inputs in the global search. An input is published as it is submitted and shown
 * to everyone on its meeting's or working group's page (listWrittenInputs), so every one is public here
 * too; it links to its place on that page.
 */
export const writtenInputsSearchSource: SearchSource = {
  kind: 'written-input',
  hits: ({ matcher }) => sql`
    SELECT i.id::text AS id, i.id::text AS ref, ARRAY[i.language] AS languages, i.submitted_at::date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('i'))} AS rank
    FROM stakeholder_written_inputs i
    WHERE ${matcher.match(searchedIn('i'))}`,
  shown: ({ id }) => sql`
    SELECT jsonb_build_object(i.language, i.title) AS title,
      jsonb_build_array(jsonb_build_object('anchor', 'input-' || i.id, 'lang', i.language, 'text', coalesce(i.text, ''))) AS parts,
      CASE WHEN i.meeting_id IS NOT NULL THEN '/meetings/' || i.meeting_id ELSE '/groups/' || i.group_id END AS link
    FROM stakeholder_written_inputs i WHERE i.id = ${id}::uuid`,
};
