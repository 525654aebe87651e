CREATE TABLE "capacity_evaluations" (
	"project_id" uuid NOT NULL,
	"side" text NOT NULL,
	"delivered" text NOT NULL,
	"changed" text NOT NULL,
	"lessons" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"evaluated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "capacity_evaluations_project_id_side_pk" PRIMARY KEY("project_id","side")
);
--> statement-breakpoint
CREATE TABLE "capacity_matches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" integer NOT NULL,
	"invite_message" text,
	"response_message" text,
	"withdrawn_by" text,
	"withdraw_message" text,
	"invited_at" timestamp (3) with time zone NOT NULL,
	"responded_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "capacity_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"codes" jsonb NOT NULL,
	"modality" text NOT NULL,
	"languages" jsonb NOT NULL,
	"period_start" date,
	"period_end" date,
	"partners" integer DEFAULT 1 NOT NULL,
	"visibility" text NOT NULL,
	"status" text NOT NULL,
	"source" jsonb,
	"published_at" timestamp (3) with time zone NOT NULL,
	"matched_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offeror_kind" text NOT NULL,
	"offeror_state" text,
	"organisation_id" uuid,
	"programme" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"codes" jsonb NOT NULL,
	"modalities" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"regions" jsonb NOT NULL,
	"states" jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"period_start" date,
	"period_end" date,
	"conditions" text,
	"visibility" text NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"principles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_parts" jsonb NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capacity_evaluations" ADD CONSTRAINT "capacity_evaluations_project_id_capacity_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."capacity_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_matches" ADD CONSTRAINT "capacity_matches_need_id_capacity_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."capacity_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_matches" ADD CONSTRAINT "capacity_matches_offer_id_capacity_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."capacity_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_projects" ADD CONSTRAINT "capacity_projects_match_id_capacity_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."capacity_matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_matches_need_idx" ON "capacity_matches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "capacity_matches_offer_idx" ON "capacity_matches" USING btree ("offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_matches_live_idx" ON "capacity_matches" USING btree ("need_id","offer_id") WHERE "capacity_matches"."status" IN ('invited', 'accepted', 'confirmed');--> statement-breakpoint
CREATE INDEX "capacity_needs_state_idx" ON "capacity_needs" USING btree ("state");--> statement-breakpoint
CREATE INDEX "capacity_needs_visibility_idx" ON "capacity_needs" USING btree ("visibility","status");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_needs_source_idx" ON "capacity_needs" USING btree (("source"->>'reportId'),("source"->>'sectionKey'),(("source"->>'index')::int)) WHERE "capacity_needs"."source" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "capacity_offers_visibility_idx" ON "capacity_offers" USING btree ("visibility","status");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_projects_match_idx" ON "capacity_projects" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "capacity_projects_need_idx" ON "capacity_projects" USING btree ("need_id");