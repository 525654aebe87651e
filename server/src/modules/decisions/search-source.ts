import { sql } from 'drizzle-orm';
import { searchedIn, type SearchSource } from '../search/index.js';

/**
 * Negotiation and adoption in the global search. The record is public (decisionsPolicy.read): every
 * adopted outcome, the latest revision of every draft, every amendment proposed. Each paragraph is a
 * passage linked to by its key.
 */
const paragraphs = (alias: string) =>
  sql.raw(`(SELECT jsonb_agg(jsonb_build_object('anchor', 'para-' || (p->>'key'), 'lang', NULL, 'text', p->>'text')) FROM jsonb_array_elements(${alias}.paragraphs) p)`);

export const outcomesSearchSource: SearchSource = {
  kind: 'outcome',
  hits: ({ matcher }) => sql`
    SELECT o.id::text AS id, o.id::text AS ref, ARRAY['en'] AS languages, o.adopted_at::date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('o'))} AS rank
    FROM outcomes o
    WHERE ${matcher.match(searchedIn('o'))}`,
  shown: ({ id }) => sql`
    SELECT jsonb_build_object('en', o.symbol || ' — ' || o.title) AS title, ${paragraphs('o')} AS parts, '/outcomes/' || o.id AS link
    FROM outcomes o WHERE o.id = ${id}::uuid`,
};

export const draftsSearchSource: SearchSource = {
  kind: 'draft',
  hits: ({ matcher }) => sql`
    SELECT r.draft_id::text AS id, r.number::text AS ref, ARRAY['en'] AS languages, r.issued_at::date AS on_date, NULL::text AS state,
      ${matcher.rank(searchedIn('r'))} AS rank
    FROM draft_revisions r
    WHERE ${matcher.match(searchedIn('r'))}
      AND NOT EXISTS (SELECT 1 FROM draft_revisions later WHERE later.draft_id = r.draft_id AND later.number > r.number)`,
  shown: ({ id, ref }) => sql`
    SELECT jsonb_build_object('en', r.title) AS title, ${paragraphs('r')} AS parts, '/drafts/' || r.draft_id AS link
    FROM draft_revisions r WHERE r.draft_id = ${id}::uuid AND r.number = ${ref}::integer`,
};

export const amendmentsSearchSource: SearchSource = {
  kind: 'amendment',
  hits: ({ matcher }) => sql`
    SELECT a.id::text AS id, a.id::text AS ref, ARRAY['en'] AS languages, a.created_at::date AS on_date, a.proposer_state AS state,
      ${matcher.rank(searchedIn('a'))} AS rank
    FROM amendments a
    WHERE ${matcher.match(searchedIn('a'))} AND a.status = 'proposed'`,
  shown: ({ id }) => sql`
    SELECT jsonb_build_object('en', d.title) AS title,
      jsonb_build_array(jsonb_build_object('anchor', 'amendment-' || a.id, 'lang', NULL, 'text', coalesce(a.text, '')), jsonb_build_object('anchor', 'amendment-' || a.id, 'lang', NULL, 'text', a.reason)) AS parts,
      '/drafts/' || a.draft_id || '/compilation' AS link
    FROM amendments a JOIN drafts d ON d.id = a.draft_id WHERE a.id = ${id}::uuid`,
};
