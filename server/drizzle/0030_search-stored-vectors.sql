-- Word vectors stored beside the texts of the two tables that hold thousands of them (the framework's
-- versions, the sections of submitted reports), each with its GIN index, in place of the expression
-- indexes of 0019 and 0027. With an expression index, a common word ("international", a three-letter
-- prefix as one types) matched so many rows that the planner read the table instead, and built
-- poa_search_vector (five stemmers and the CJK grams) again for every row: 9 to 16 s for one query over
-- 25,000 versions; ranking built a vector again for every match. A generated column is computed by the
-- very statement that writes the row, in its transaction, so it is in step by construction as the
-- expression was; matching and ranking read it. The vectors are kept in the row, compressed (STORAGE
-- MAIN), not moved to the TOAST table where the texts go: a common word's matches are read without a
-- TOAST lookup apiece. The smaller tables keep their expression indexes.
DROP INDEX IF EXISTS "framework_versions_words_idx";--> statement-breakpoint
ALTER TABLE "framework_versions"
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(search_text)) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "framework_versions_words_idx" ON "framework_versions" USING gin ("search_words");--> statement-breakpoint
DROP INDEX IF EXISTS "report_submitted_sections_words_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "report_submitted_sections_trigrams_idx";--> statement-breakpoint
ALTER TABLE "report_submitted_sections"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.poa_answer_text(answer)) STORED,
  ADD COLUMN "search_words" tsvector GENERATED ALWAYS AS (public.poa_search_vector(public.poa_answer_text(answer))) STORED,
  ALTER COLUMN "search_words" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "report_submitted_sections_words_idx" ON "report_submitted_sections" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "report_submitted_sections_trigrams_idx" ON "report_submitted_sections" USING gin ("search_text" gin_trgm_ops);
