CREATE TABLE "amendment_sponsors" (
	"amendment_id" uuid NOT NULL,
	"state" text NOT NULL,
	"joined_by" uuid NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "amendment_sponsors_amendment_id_state_pk" PRIMARY KEY("amendment_id","state")
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"proposer_state" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"action" text NOT NULL,
	"paragraph_key" text,
	"paragraph_kind" text,
	"text" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consensus_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "draft_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"takes_up" uuid[] DEFAULT '{}' NOT NULL,
	"note" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"implements_codes" text[] DEFAULT '{}' NOT NULL,
	"framework_effects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supersedes_outcome" uuid,
	"status" text DEFAULT 'negotiating' NOT NULL,
	"transmitted_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "explanations_of_position" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outcome_id" uuid NOT NULL,
	"state" text NOT NULL,
	"given_by" uuid NOT NULL,
	"text" text NOT NULL,
	"given_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"proposal_id" uuid NOT NULL,
	"state" text NOT NULL,
	"objected_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"objected_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "objections_proposal_id_state_pk" PRIMARY KEY("proposal_id","state")
);
--> statement-breakpoint
CREATE TABLE "outcome_series" (
	"series" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"draft_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"implements_codes" text[] NOT NULL,
	"framework_effects" jsonb NOT NULL,
	"supersedes" uuid,
	"adopted_via" text NOT NULL,
	"adopted_by" uuid NOT NULL,
	"meeting_id" uuid,
	"adopted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silence_breaks" (
	"procedure_id" uuid NOT NULL,
	"state" text NOT NULL,
	"broken_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"broken_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "silence_breaks_procedure_id_state_pk" PRIMARY KEY("procedure_id","state")
);
--> statement-breakpoint
CREATE TABLE "silence_procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"deadline_at" timestamp (3) with time zone NOT NULL,
	"deadline_zone" text NOT NULL,
	"deadline_local" text NOT NULL,
	"status" text NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_year_series_pk" PRIMARY KEY("year","series")
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"document_id" uuid NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"format" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"filename" text NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "document_files_document_id_language_version_pk" PRIMARY KEY("document_id","language","version")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"type" text NOT NULL,
	"series" text NOT NULL,
	"number" integer,
	"title" jsonb NOT NULL,
	"date" date NOT NULL,
	"meeting_id" uuid,
	"agenda_item" text,
	"group_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "documents_symbol_unique" UNIQUE("symbol")
);
--> statement-breakpoint
ALTER TABLE "amendment_sponsors" ADD CONSTRAINT "amendment_sponsors_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_revision_id_draft_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_proposals" ADD CONSTRAINT "consensus_proposals_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_proposals" ADD CONSTRAINT "consensus_proposals_revision_id_draft_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_revisions" ADD CONSTRAINT "draft_revisions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explanations_of_position" ADD CONSTRAINT "explanations_of_position_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_proposal_id_consensus_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."consensus_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_revision_id_draft_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silence_breaks" ADD CONSTRAINT "silence_breaks_procedure_id_silence_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."silence_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silence_procedures" ADD CONSTRAINT "silence_procedures_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "silence_procedures" ADD CONSTRAINT "silence_procedures_revision_id_draft_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."draft_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_draft_idx" ON "amendments" USING btree ("draft_id","revision_id");--> statement-breakpoint
CREATE INDEX "consensus_proposals_draft_idx" ON "consensus_proposals" USING btree ("draft_id");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_revisions_number_idx" ON "draft_revisions" USING btree ("draft_id","number");--> statement-breakpoint
CREATE INDEX "explanations_outcome_idx" ON "explanations_of_position" USING btree ("outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_symbol_idx" ON "outcomes" USING btree ("symbol");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_draft_idx" ON "outcomes" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "silence_procedures_draft_idx" ON "silence_procedures" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "documents_meeting_idx" ON "documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "documents_group_idx" ON "documents" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "documents_date_idx" ON "documents" USING btree ("date");