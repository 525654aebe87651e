-- The global search (issue #16) over capacity-building needs and offers and stakeholders' written inputs:
-- expression GIN indexes over the texts those tables already hold, as in 0019_search.sql (the index is in
-- step with every change by construction). See src/modules/search/source.ts.
-- Functions are called by their schema's name inside one another: an index is built with a safe search_path.
-- A localized title and description ({ en: …, fr: … }), every language's text, folded.
CREATE OR REPLACE FUNCTION public.poa_localized_text(title jsonb, description jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.poa_fold(
    coalesce((SELECT string_agg(t.value, ' ') FROM jsonb_each_text(CASE WHEN jsonb_typeof(title) = 'object' THEN title ELSE '{}'::jsonb END) t), '') || ' ' ||
    coalesce((SELECT string_agg(t.value, ' ') FROM jsonb_each_text(CASE WHEN jsonb_typeof(description) = 'object' THEN description ELSE '{}'::jsonb END) t), ''))
$$;
--> statement-breakpoint
CREATE INDEX "capacity_needs_words_idx" ON "capacity_needs" USING gin (public.poa_search_vector(public.poa_localized_text(title, description)));--> statement-breakpoint
CREATE INDEX "capacity_needs_trigrams_idx" ON "capacity_needs" USING gin (public.poa_localized_text(title, description) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "capacity_offers_words_idx" ON "capacity_offers" USING gin (public.poa_search_vector(public.poa_localized_text(title, description)));--> statement-breakpoint
CREATE INDEX "capacity_offers_trigrams_idx" ON "capacity_offers" USING gin (public.poa_localized_text(title, description) gin_trgm_ops);--> statement-breakpoint
-- A written input's title and text, folded as a statement's are (poa_statement_text of 0019).
CREATE INDEX "stakeholder_written_inputs_words_idx" ON "stakeholder_written_inputs" USING gin (public.poa_search_vector(public.poa_statement_text(title, text)));--> statement-breakpoint
CREATE INDEX "stakeholder_written_inputs_trigrams_idx" ON "stakeholder_written_inputs" USING gin (public.poa_statement_text(title, text) gin_trgm_ops);
