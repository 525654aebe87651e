CREATE TABLE "contact_transmissions" (
	"poc_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"pdf_base64" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "contact_transmissions_poc_id_version_pk" PRIMARY KEY("poc_id","version")
);
--> statement-breakpoint
ALTER TABLE "contact_poc_versions" ADD COLUMN "told_at" timestamp (3) with time zone;--> statement-breakpoint
-- Changes made before the digest existed are not told again as news.
UPDATE "contact_poc_versions" SET "told_at" = "at";--> statement-breakpoint
ALTER TABLE "contact_transmissions" ADD CONSTRAINT "contact_transmissions_poc_id_version_contact_poc_versions_poc_id_version_fk" FOREIGN KEY ("poc_id","version") REFERENCES "public"."contact_poc_versions"("poc_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_poc_versions_untold_idx" ON "contact_poc_versions" USING btree ("told_at","at");