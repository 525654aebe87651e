CREATE TABLE "stakeholder_application_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"language" text NOT NULL,
	"purpose" text NOT NULL,
	"relevant_work" text NOT NULL,
	"contact" jsonb NOT NULL,
	"representatives" jsonb NOT NULL,
	"status" text NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"batch_id" uuid,
	"period_ends_at" timestamp (3) with time zone,
	"period_zone" text,
	"period_end_local" text,
	"decided_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"circulated_at" timestamp (3) with time zone NOT NULL,
	"circulated_by" uuid NOT NULL,
	"zone" text NOT NULL,
	CONSTRAINT "stakeholder_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"state" text NOT NULL,
	"basis" text,
	"name_shared" boolean NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_speaking_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agenda_item" text,
	"speaker" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"requested_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_withdrawals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_written_inputs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item" text,
	"group_id" uuid,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"text" text,
	"pdf_base64" text,
	"pdf_name" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "names" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "headquarters" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ecosoc_status" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ecosoc_since" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "accredited_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "lead_account_id" uuid;--> statement-breakpoint
ALTER TABLE "stakeholder_application_steps" ADD CONSTRAINT "stakeholder_application_steps_application_id_stakeholder_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."stakeholder_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_applications" ADD CONSTRAINT "stakeholder_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_objections" ADD CONSTRAINT "stakeholder_objections_application_id_stakeholder_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."stakeholder_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_speaking_requests" ADD CONSTRAINT "stakeholder_speaking_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_withdrawals" ADD CONSTRAINT "stakeholder_withdrawals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_written_inputs" ADD CONSTRAINT "stakeholder_written_inputs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stakeholder_application_steps_idx" ON "stakeholder_application_steps" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholder_applications_token_idx" ON "stakeholder_applications" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "stakeholder_applications_status_idx" ON "stakeholder_applications" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholder_objections_state_idx" ON "stakeholder_objections" USING btree ("application_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholder_speaking_requests_idx" ON "stakeholder_speaking_requests" USING btree ("meeting_id","organisation_id");--> statement-breakpoint
CREATE INDEX "stakeholder_written_inputs_meeting_idx" ON "stakeholder_written_inputs" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "stakeholder_written_inputs_group_idx" ON "stakeholder_written_inputs" USING btree ("group_id");