CREATE TABLE "group_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"participant_kind" text NOT NULL,
	"state" text,
	"organisation_id" uuid,
	"capacity" text NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	"joined_by" uuid NOT NULL,
	"left_at" timestamp (3) with time zone,
	"left_by" uuid
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"mandate" jsonb NOT NULL,
	"mandate_source" text,
	"mandate_outcome_id" uuid,
	"chairs" jsonb NOT NULL,
	"work_programme" jsonb NOT NULL,
	"stakeholder_observers" boolean NOT NULL,
	"status" text NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_versions" (
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"items" jsonb NOT NULL,
	"document_id" uuid,
	"note" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" uuid,
	"adopted_at" timestamp (3) with time zone,
	CONSTRAINT "agenda_versions_meeting_id_version_pk" PRIMARY KEY("meeting_id","version")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"session_number" integer,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"venue" text,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"group_id" uuid,
	"registration_deadline" timestamp (3) with time zone,
	"stakeholders_may_attend" boolean DEFAULT true NOT NULL,
	"participants_published_at" timestamp (3) with time zone,
	"statements_published_at" timestamp (3) with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"account_id" uuid
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"delegation_kind" text NOT NULL,
	"state" text,
	"organisation_id" uuid,
	"status" text NOT NULL,
	"contact_email" text NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"submitted_by" uuid NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"confirmed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item" text NOT NULL,
	"delegation_kind" text NOT NULL,
	"state" text,
	"organisation_id" uuid,
	"language" text NOT NULL,
	"title" text,
	"text" text,
	"file_format" text,
	"file_key" text,
	"file_sha256" text,
	"file_size" bigint,
	"file_name" text,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"submitted_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"state" text NOT NULL,
	"visibility" text NOT NULL,
	"based_on" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY NOT NULL,
	"built_on" date NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_section_edits" (
	"report_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"answer" jsonb NOT NULL,
	"visibility" text,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "report_section_edits_report_id_key_version_pk" PRIMARY KEY("report_id","key","version")
);
--> statement-breakpoint
CREATE TABLE "report_sections" (
	"report_id" uuid NOT NULL,
	"key" text NOT NULL,
	"answer" jsonb NOT NULL,
	"visibility" text,
	"version" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "report_sections_report_id_key_pk" PRIMARY KEY("report_id","key")
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"state" text NOT NULL,
	"number" integer NOT NULL,
	"visibility" text NOT NULL,
	"sections" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"opened_on" date NOT NULL,
	"deadline_at" timestamp (3) with time zone NOT NULL,
	"deadline_zone" text NOT NULL,
	"deadline_local" text NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_versions" ADD CONSTRAINT "agenda_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_reports" ADD CONSTRAINT "national_reports_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_report_id_national_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."national_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_report_id_national_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."national_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_state_idx" ON "group_members" USING btree ("group_id","state") WHERE "group_members"."left_at" IS NULL AND "group_members"."state" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_organisation_idx" ON "group_members" USING btree ("group_id","organisation_id") WHERE "group_members"."left_at" IS NULL AND "group_members"."organisation_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meetings_group_idx" ON "meetings" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "participants_registration_idx" ON "participants" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "participants_account_idx" ON "participants" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_state_idx" ON "registrations" USING btree ("meeting_id","state") WHERE "registrations"."state" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_organisation_idx" ON "registrations" USING btree ("meeting_id","organisation_id") WHERE "registrations"."organisation_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "statements_meeting_idx" ON "statements" USING btree ("meeting_id","agenda_item");--> statement-breakpoint
CREATE UNIQUE INDEX "national_reports_cycle_state_idx" ON "national_reports" USING btree ("cycle_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_number_idx" ON "report_submissions" USING btree ("report_id","number");--> statement-breakpoint
CREATE INDEX "report_submissions_cycle_idx" ON "report_submissions" USING btree ("cycle_id","state");--> statement-breakpoint
-- A submitted report is frozen; a corrected version is a new submission (see 0004 for the function).
CREATE TRIGGER report_submissions_immutable BEFORE UPDATE OR DELETE ON report_submissions FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_section_edits_immutable BEFORE UPDATE OR DELETE ON report_section_edits FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
