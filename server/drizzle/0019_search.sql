-- One search over everything (issue #16). No table of its own: each source table gets expression GIN
-- indexes over the text it already holds, so the index is in step with every change by construction
-- (an expression index is updated in the same transaction as the row). See src/modules/search/sources.ts.
-- Functions are called by their schema's name inside one another: an index is built with a safe search_path.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The platform's fold (src/kernel/fold.ts) in SQL: compatibility decomposition, lower case, combining marks
-- removed (Latin, Cyrillic, Hebrew, Arabic harakat, the general blocks), typed apostrophes made one.
CREATE OR REPLACE FUNCTION public.poa_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(
    regexp_replace(lower(normalize(coalesce(t, ''), NFKD)),
      '[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'),
    '’`', '''''')
$$;
--> statement-breakpoint
-- A folded text as words of every language at once: `simple` (every word as written, Arabic and Chinese
-- included), then each built-in stemmer (English, French, Spanish, Russian). A query is built the same way
-- (src/modules/search/query.ts), so a word matches in whichever of the languages it belongs to. Each part
-- keeps its own positions, so a phrase matches within one part.
CREATE OR REPLACE FUNCTION public.poa_search_vector(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, coalesce(t, ''))
      || to_tsvector('english'::regconfig, coalesce(t, ''))
      || to_tsvector('french'::regconfig, coalesce(t, ''))
      || to_tsvector('spanish'::regconfig, coalesce(t, ''))
      || to_tsvector('russian'::regconfig, coalesce(t, ''))
$$;
--> statement-breakpoint
-- The texts of a list of paragraphs ([{ key, kind, text }]), folded.
CREATE OR REPLACE FUNCTION public.poa_paragraphs_text(title text, paragraphs jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.poa_fold(coalesce(title, '') || ' ' || coalesce((SELECT string_agg(p->>'text', ' ') FROM jsonb_array_elements(paragraphs) p), ''))
$$;
--> statement-breakpoint
-- The free text of one answer of a national report, folded.
CREATE OR REPLACE FUNCTION public.poa_answer_text(answer jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.poa_fold(concat_ws(' ', answer->>'measures', answer->>'challenges', answer->>'contacts',
    (SELECT string_agg(n->>'description', ' ') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(answer->'needs') = 'array' THEN answer->'needs' ELSE '[]'::jsonb END) n)))
$$;
--> statement-breakpoint
-- Every answer of a submitted report, folded: a submission is found by it, then each section it holds is
-- matched again on its own text and shown only where the viewer may see it.
CREATE OR REPLACE FUNCTION public.poa_sections_text(sections jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce((SELECT string_agg(public.poa_answer_text(s->'answer'), ' ') FROM jsonb_array_elements(sections) s), '')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.poa_statement_text(title text, body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.poa_fold(coalesce(title, '') || ' ' || coalesce(body, ''))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.poa_amendment_text(body text, reason text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.poa_fold(coalesce(body, '') || ' ' || coalesce(reason, ''))
$$;
--> statement-breakpoint
CREATE INDEX "framework_versions_words_idx" ON "framework_versions" USING gin (poa_search_vector(search_text));--> statement-breakpoint
CREATE INDEX "framework_versions_trigrams_idx" ON "framework_versions" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_words_idx" ON "documents" USING gin (poa_search_vector(search_text));--> statement-breakpoint
CREATE INDEX "documents_trigrams_idx" ON "documents" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "meetings_words_idx" ON "meetings" USING gin (poa_search_vector(search_text));--> statement-breakpoint
CREATE INDEX "meetings_trigrams_idx" ON "meetings" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "groups_words_idx" ON "groups" USING gin (poa_search_vector(search_text));--> statement-breakpoint
CREATE INDEX "groups_trigrams_idx" ON "groups" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiatives_words_idx" ON "initiatives" USING gin (poa_search_vector(search_text));--> statement-breakpoint
CREATE INDEX "initiatives_trigrams_idx" ON "initiatives" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outcomes_words_idx" ON "outcomes" USING gin (poa_search_vector(poa_paragraphs_text(title, paragraphs)));--> statement-breakpoint
CREATE INDEX "outcomes_trigrams_idx" ON "outcomes" USING gin (poa_paragraphs_text(title, paragraphs) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "draft_revisions_words_idx" ON "draft_revisions" USING gin (poa_search_vector(poa_paragraphs_text(title, paragraphs)));--> statement-breakpoint
CREATE INDEX "draft_revisions_trigrams_idx" ON "draft_revisions" USING gin (poa_paragraphs_text(title, paragraphs) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "amendments_words_idx" ON "amendments" USING gin (poa_search_vector(poa_amendment_text(text, reason)));--> statement-breakpoint
CREATE INDEX "amendments_trigrams_idx" ON "amendments" USING gin (poa_amendment_text(text, reason) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "statements_words_idx" ON "statements" USING gin (poa_search_vector(poa_statement_text(title, text)));--> statement-breakpoint
CREATE INDEX "statements_trigrams_idx" ON "statements" USING gin (poa_statement_text(title, text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "report_submissions_words_idx" ON "report_submissions" USING gin (poa_search_vector(poa_sections_text(sections)));--> statement-breakpoint
CREATE INDEX "report_submissions_trigrams_idx" ON "report_submissions" USING gin (poa_sections_text(sections) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "report_sections_words_idx" ON "report_sections" USING gin (poa_search_vector(public.poa_answer_text(answer)));--> statement-breakpoint
CREATE INDEX "report_sections_trigrams_idx" ON "report_sections" USING gin (public.poa_answer_text(answer) gin_trgm_ops);--> statement-breakpoint
-- The States directory keeps its substring match of names (any part of a name, in any language), now served by trigrams.
CREATE INDEX "states_trigrams_idx" ON "states" USING gin (search_text gin_trgm_ops);
