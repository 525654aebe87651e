CREATE TABLE "initiative_elements" (
	"initiative_id" uuid NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "initiative_elements_initiative_id_code_pk" PRIMARY KEY("initiative_id","code")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"owner" jsonb NOT NULL,
	"kind" text NOT NULL,
	"summary" jsonb,
	"states" jsonb NOT NULL,
	"contact" text,
	"links" jsonb NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"proposed_by" uuid NOT NULL,
	"proposer_state" text,
	"proposer_organisation" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "initiative_elements" ADD CONSTRAINT "initiative_elements_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_elements_code_idx" ON "initiative_elements" USING btree ("code");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("status");