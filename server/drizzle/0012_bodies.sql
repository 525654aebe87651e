ALTER TABLE "drafts" ADD COLUMN "transmitted_from" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "transmitted_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "prepared_by" text;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "transmitted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "transmitted_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_transmitted_revision_id_draft_revisions_id_fk" FOREIGN KEY ("transmitted_revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE no action ON UPDATE no action;