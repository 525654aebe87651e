import { sql } from 'drizzle-orm';
import type { SearchSource } from '../search/index.js';

/**
 * Negotiation and adoption in the global search. The record is public (decisionsPolicy.read): every
 * adopted outcome, the latest revision of every draft, every amendment proposed. Each paragraph is a
 * passage linked to by its key.
 */
const paragraphs = (alias: string) =>
  sql.raw(`(SELECT jsonb_agg(jsonb_build_object('anchor', 'para-' || (p->>'key'), 'lang', NULL, 'text', p->>'text')) FROM jsonb_array_elements(${alias}.paragraphs) p)`);

export const outcomesSearchSource: SearchSource = {
  kind: 'outcome',
  rows: ({ matcher }) => sql`
    SELECT 'outcome' AS kind, o.id::text AS id, jsonb_build_object('en', o.symbol || ' — ' || o.title) AS title, ${paragraphs('o')} AS parts,
      ARRAY['en'] AS languages, o.adopted_at::date AS on_date, NULL::text AS state, '/outcomes/' || o.id AS link,
      ${matcher.rank(sql`poa_paragraphs_text(o.title, o.paragraphs)`)} AS rank
    FROM outcomes o
    WHERE ${matcher.match(sql`poa_paragraphs_text(o.title, o.paragraphs)`)}`,
};

export const draftsSearchSource: SearchSource = {
  kind: 'draft',
  rows: ({ matcher }) => sql`
    SELECT 'draft' AS kind, r.draft_id::text AS id, jsonb_build_object('en', r.title) AS title, ${paragraphs('r')} AS parts,
      ARRAY['en'] AS languages, r.issued_at::date AS on_date, NULL::text AS state, '/drafts/' || r.draft_id AS link,
      ${matcher.rank(sql`poa_paragraphs_text(r.title, r.paragraphs)`)} AS rank
    FROM draft_revisions r
    WHERE ${matcher.match(sql`poa_paragraphs_text(r.title, r.paragraphs)`)}
      AND NOT EXISTS (SELECT 1 FROM draft_revisions later WHERE later.draft_id = r.draft_id AND later.number > r.number)`,
};

export const amendmentsSearchSource: SearchSource = {
  kind: 'amendment',
  rows: ({ matcher }) => sql`
    SELECT 'amendment' AS kind, a.id::text AS id, jsonb_build_object('en', d.title) AS title,
      jsonb_build_array(jsonb_build_object('anchor', 'amendment-' || a.id, 'lang', NULL, 'text', coalesce(a.text, '')), jsonb_build_object('anchor', 'amendment-' || a.id, 'lang', NULL, 'text', a.reason)) AS parts,
      ARRAY['en'] AS languages, a.created_at::date AS on_date, a.proposer_state AS state, '/drafts/' || a.draft_id || '/compilation' AS link,
      ${matcher.rank(sql`poa_amendment_text(a.text, a.reason)`)} AS rank
    FROM amendments a JOIN drafts d ON d.id = a.draft_id
    WHERE ${matcher.match(sql`poa_amendment_text(a.text, a.reason)`)} AND a.status = 'proposed'`,
};
