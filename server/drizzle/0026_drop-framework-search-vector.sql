DROP INDEX "framework_versions_search_idx";--> statement-breakpoint
ALTER TABLE "framework_versions" DROP COLUMN "search_vector";