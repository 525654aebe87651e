CREATE TABLE "national_publication_versions" (
	"publication_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"language" text NOT NULL,
	"format" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"filename" text NOT NULL,
	"note" text,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	"uploaded_by" uuid NOT NULL,
	CONSTRAINT "national_publication_versions_publication_id_number_pk" PRIMARY KEY("publication_id","number")
);
--> statement-breakpoint
CREATE TABLE "national_publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawn_by" uuid
);
--> statement-breakpoint
ALTER TABLE "national_publication_versions" ADD CONSTRAINT "national_publication_versions_publication_id_national_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."national_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_publications" ADD CONSTRAINT "national_publications_state_states_iso3_fk" FOREIGN KEY ("state") REFERENCES "public"."states"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "national_publications_state_idx" ON "national_publications" USING btree ("state");