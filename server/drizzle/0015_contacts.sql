CREATE TABLE "contact_check_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"check_id" uuid NOT NULL,
	"poc_id" uuid NOT NULL,
	"state" text NOT NULL,
	"role" text NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"escalated_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_check_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"target_id" uuid NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"remind_after_hours" integer NOT NULL,
	"escalate_after_hours" integer NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"thread_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"from_state" text NOT NULL,
	"from_account_id" uuid NOT NULL,
	"from_name" text NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"respond_within_hours" integer,
	"text" text NOT NULL,
	"exercise" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_poc_versions" (
	"poc_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"record" jsonb NOT NULL,
	"by_account" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "contact_poc_versions_poc_id_version_pk" PRIMARY KEY("poc_id","version")
);
--> statement-breakpoint
CREATE TABLE "contact_pocs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"organisation" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"other_channels" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"time_zone" text NOT NULL,
	"working_hours" jsonb NOT NULL,
	"account_id" uuid,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"nominated_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"withdrawn_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_reads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"poc_id" uuid NOT NULL,
	"poc_state" text NOT NULL,
	"reader_account_id" uuid NOT NULL,
	"reader_name" text NOT NULL,
	"reader_state" text,
	"reader_role" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_threads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"secretariat_may_read" boolean NOT NULL,
	"exercise" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_check_targets" ADD CONSTRAINT "contact_check_targets_check_id_contact_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."contact_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_check_targets" ADD CONSTRAINT "contact_check_targets_poc_id_contact_pocs_id_fk" FOREIGN KEY ("poc_id") REFERENCES "public"."contact_pocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_check_tokens" ADD CONSTRAINT "contact_check_tokens_target_id_contact_check_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."contact_check_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_thread_id_contact_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."contact_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_poc_versions" ADD CONSTRAINT "contact_poc_versions_poc_id_contact_pocs_id_fk" FOREIGN KEY ("poc_id") REFERENCES "public"."contact_pocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_pocs" ADD CONSTRAINT "contact_pocs_state_states_iso3_fk" FOREIGN KEY ("state") REFERENCES "public"."states"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_check_targets_poc_idx" ON "contact_check_targets" USING btree ("check_id","poc_id");--> statement-breakpoint
CREATE INDEX "contact_check_targets_state_idx" ON "contact_check_targets" USING btree ("state");--> statement-breakpoint
CREATE INDEX "contact_check_tokens_target_idx" ON "contact_check_tokens" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_messages_position_idx" ON "contact_messages" USING btree ("thread_id","position");--> statement-breakpoint
CREATE INDEX "contact_pocs_state_idx" ON "contact_pocs" USING btree ("state","status");--> statement-breakpoint
CREATE INDEX "contact_pocs_account_idx" ON "contact_pocs" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "contact_reads_state_idx" ON "contact_reads" USING btree ("poc_state","at");--> statement-breakpoint
CREATE INDEX "contact_threads_from_idx" ON "contact_threads" USING btree ("from_state");--> statement-breakpoint
CREATE INDEX "contact_threads_to_idx" ON "contact_threads" USING btree ("to_state");