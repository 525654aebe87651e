CREATE TABLE "report_submitted_sections" (
	"submission_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"state" text NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"visibility" text NOT NULL,
	"answer" jsonb NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "report_submitted_sections_submission_id_key_pk" PRIMARY KEY("submission_id","key")
);
--> statement-breakpoint
ALTER TABLE "report_submitted_sections" ADD CONSTRAINT "report_submitted_sections_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_submitted_sections_report_idx" ON "report_submitted_sections" USING btree ("report_id","number");--> statement-breakpoint
-- The one search, measured on 130,000 generated paragraphs (bench/search.ts), spent nearly all its time in
-- two places, fixed here.
--
-- 1. A national report was found through one index over the text of all its sections, then every section
--    of every matching report was exploded from JSON and matched again on its own, recomputing the word
--    vectors of each section at query time: a common word cost seconds. Each submitted section is now a
--    row of its own (report_submitted_sections, filled by the trigger below from each new submission, and
--    here from the existing ones), found through its own indexes.
CREATE OR REPLACE FUNCTION poa_explode_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_submitted_sections (submission_id, report_id, cycle_id, state, number, key, position, visibility, answer, submitted_at)
  SELECT NEW.id, NEW.report_id, NEW.cycle_id, NEW.state, NEW.number, sec->>'key', ord::integer, sec->>'visibility', coalesce(sec->'answer', '{}'::jsonb), NEW.submitted_at
  FROM jsonb_array_elements(NEW.sections) WITH ORDINALITY AS x(sec, ord);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_submissions_sections AFTER INSERT ON report_submissions FOR EACH ROW EXECUTE FUNCTION poa_explode_submission();
--> statement-breakpoint
INSERT INTO report_submitted_sections (submission_id, report_id, cycle_id, state, number, key, position, visibility, answer, submitted_at)
SELECT s.id, s.report_id, s.cycle_id, s.state, s.number, sec->>'key', ord::integer, sec->>'visibility', coalesce(sec->'answer', '{}'::jsonb), s.submitted_at
FROM report_submissions s CROSS JOIN LATERAL jsonb_array_elements(s.sections) WITH ORDINALITY AS x(sec, ord);
--> statement-breakpoint
DROP INDEX IF EXISTS "report_submissions_words_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "report_submissions_trigrams_idx";
--> statement-breakpoint
-- 2. Chinese (and Japanese, Korean) words are written without spaces and are mostly two characters long,
--    which trigram indexes cannot serve: every such query read and folded every row of every table. The
--    word vectors now also hold each run of these scripts as overlapping two-character grams, in order
--    (positions one apart within a run, two between runs), so a query of two or more characters is a
--    phrase of its grams (`'基础' <-> '础设' <-> '设施'`), found through the same GIN indexes; one character
--    is a prefix of the grams. Lexemes and positions are written as tsvector text, not parsed, so the
--    database's locale plays no part.
CREATE OR REPLACE FUNCTION public.poa_cjk_grams(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg('''' || g || ''':' || least(n, 16383), ' ' ORDER BY n)::tsvector, ''::tsvector)
  FROM (
    SELECT substr(r.run, i, 2) AS g, (row_number() OVER (ORDER BY r.k, i) + r.k)::integer AS n
    FROM (SELECT m.run[1] AS run, m.k FROM regexp_matches(coalesce(t, ''), '[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') WITH ORDINALITY AS m(run, k)) r
      CROSS JOIN LATERAL generate_series(1, greatest(char_length(r.run) - 1, 1)) AS i
  ) grams
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.poa_search_vector(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, coalesce(t, ''))
      || to_tsvector('english'::regconfig, coalesce(t, ''))
      || to_tsvector('french'::regconfig, coalesce(t, ''))
      || to_tsvector('spanish'::regconfig, coalesce(t, ''))
      || to_tsvector('russian'::regconfig, coalesce(t, ''))
      || public.poa_cjk_grams(t)
$$;
--> statement-breakpoint
-- Every index built on the word vectors holds the old ones: rebuild them all.
DO $$
DECLARE
  i record;
BEGIN
  FOR i IN SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%poa_search_vector%' LOOP
    EXECUTE format('REINDEX INDEX %I', i.indexname);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE INDEX "report_submitted_sections_words_idx" ON "report_submitted_sections" USING gin (poa_search_vector(public.poa_answer_text(answer)));
--> statement-breakpoint
CREATE INDEX "report_submitted_sections_trigrams_idx" ON "report_submitted_sections" USING gin (public.poa_answer_text(answer) gin_trgm_ops);
