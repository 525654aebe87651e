CREATE TABLE "draft_views" (
	"account_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "draft_views_account_id_draft_id_pk" PRIMARY KEY("account_id","draft_id")
);
--> statement-breakpoint
ALTER TABLE "draft_views" ADD CONSTRAINT "draft_views_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;