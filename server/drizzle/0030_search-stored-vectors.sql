-- Word vectors stored beside the searchable texts, each with its GIN index, in place of the expression
-- indexes of 0019, 0020 and 0027: every table the one search reads keeps its folded text (`search_text`,
-- generated here where the application did not already write one) and its word vector (`search_words`).
-- With expression indexes, a common word ("international", a three-letter prefix as one types) matched
-- so many rows that the planner read the table instead and built poa_search_vector (five stemmers and
-- the CJK grams) again for every row: 9 to 16 s for one query over 25,000 framework versions; ranking
-- built a vector again for every match; and planning the search, which matched each index's whole
-- inlined expression against the query's, took longer than running it. A generated column is computed
-- by the very statement that writes the row, in its transaction, so it is in step by construction as
-- the expression index was; matching and ranking read it. The vectors are kept in the row, compressed
-- (STORAGE MAIN), not in the TOAST table where long texts go: a common word's matches are read without a
-- TOAST lookup apiece. report_submissions' own search indexes go: since 0027 each section is found in
-- report_submitted_sections, and nothing read them.
DROP INDEX IF EXISTS "framework_versions_words_idx";--> statement-breakpoint
ALTER TABLE "framework_versions"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "framework_versions_words_idx" ON "framework_versions" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "documents_words_idx";--> statement-breakpoint
ALTER TABLE "documents"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "documents_words_idx" ON "documents" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "meetings_words_idx";--> statement-breakpoint
ALTER TABLE "meetings"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "meetings_words_idx" ON "meetings" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "groups_words_idx";--> statement-breakpoint
ALTER TABLE "groups"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "groups_words_idx" ON "groups" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "initiatives_words_idx";--> statement-breakpoint
ALTER TABLE "initiatives"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "initiatives_words_idx" ON "initiatives" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "outcomes_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "outcomes_trigrams_idx";--> statement-breakpoint
ALTER TABLE "outcomes"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_paragraphs_text(title, paragraphs)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_paragraphs_text(title, paragraphs))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "outcomes_words_idx" ON "outcomes" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "outcomes_trigrams_idx" ON "outcomes" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "draft_revisions_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "draft_revisions_trigrams_idx";--> statement-breakpoint
ALTER TABLE "draft_revisions"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_paragraphs_text(title, paragraphs)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_paragraphs_text(title, paragraphs))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "draft_revisions_words_idx" ON "draft_revisions" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "draft_revisions_trigrams_idx" ON "draft_revisions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "amendments_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "amendments_trigrams_idx";--> statement-breakpoint
ALTER TABLE "amendments"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_amendment_text(text, reason)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_amendment_text(text, reason))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "amendments_words_idx" ON "amendments" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "amendments_trigrams_idx" ON "amendments" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "statements_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "statements_trigrams_idx";--> statement-breakpoint
ALTER TABLE "statements"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_statement_text(title, text)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_statement_text(title, text))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "statements_words_idx" ON "statements" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "statements_trigrams_idx" ON "statements" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "report_sections_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "report_sections_trigrams_idx";--> statement-breakpoint
ALTER TABLE "report_sections"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_answer_text(answer)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_answer_text(answer))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "report_sections_words_idx" ON "report_sections" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "report_sections_trigrams_idx" ON "report_sections" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "report_submitted_sections_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "report_submitted_sections_trigrams_idx";--> statement-breakpoint
ALTER TABLE "report_submitted_sections"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_answer_text(answer)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_answer_text(answer))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "report_submitted_sections_words_idx" ON "report_submitted_sections" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "report_submitted_sections_trigrams_idx" ON "report_submitted_sections" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "capacity_needs_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "capacity_needs_trigrams_idx";--> statement-breakpoint
ALTER TABLE "capacity_needs"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_localized_text(title, description)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_localized_text(title, description))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "capacity_needs_words_idx" ON "capacity_needs" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "capacity_needs_trigrams_idx" ON "capacity_needs" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "capacity_offers_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "capacity_offers_trigrams_idx";--> statement-breakpoint
ALTER TABLE "capacity_offers"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_localized_text(title, description)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_localized_text(title, description))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "capacity_offers_words_idx" ON "capacity_offers" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "capacity_offers_trigrams_idx" ON "capacity_offers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "stakeholder_written_inputs_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "stakeholder_written_inputs_trigrams_idx";--> statement-breakpoint
ALTER TABLE "stakeholder_written_inputs"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_statement_text(title, text)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_statement_text(title, text))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "stakeholder_written_inputs_words_idx" ON "stakeholder_written_inputs" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "stakeholder_written_inputs_trigrams_idx" ON "stakeholder_written_inputs" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "report_submissions_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "report_submissions_trigrams_idx";
