CREATE TABLE "framework_elements" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"grouping" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_relations" (
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"kind" text NOT NULL,
	"source_symbol" text,
	"note" text,
	CONSTRAINT "framework_relations_from_code_to_code_kind_pk" PRIMARY KEY("from_code","to_code","kind")
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"effective_on" date NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" uuid,
	"texts" jsonb NOT NULL,
	"source_symbol" text NOT NULL,
	"source_paragraph" text,
	"paragraph_confirmed" boolean NOT NULL,
	"also_in" text[] DEFAULT '{}' NOT NULL,
	"fragment" boolean DEFAULT false NOT NULL,
	"superseded_by" text,
	"note" text,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL,
	CONSTRAINT "framework_versions_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "source_documents" (
	"symbol" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"date" date NOT NULL,
	"date_kind" text NOT NULL,
	"endorsed_by" text,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "framework_relations" ADD CONSTRAINT "framework_relations_from_code_framework_elements_code_fk" FOREIGN KEY ("from_code") REFERENCES "public"."framework_elements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_relations" ADD CONSTRAINT "framework_relations_to_code_framework_elements_code_fk" FOREIGN KEY ("to_code") REFERENCES "public"."framework_elements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_relations" ADD CONSTRAINT "framework_relations_source_symbol_source_documents_symbol_fk" FOREIGN KEY ("source_symbol") REFERENCES "public"."source_documents"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_code_framework_elements_code_fk" FOREIGN KEY ("code") REFERENCES "public"."framework_elements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_source_symbol_source_documents_symbol_fk" FOREIGN KEY ("source_symbol") REFERENCES "public"."source_documents"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "framework_elements_kind_idx" ON "framework_elements" USING btree ("kind","position");--> statement-breakpoint
CREATE INDEX "framework_relations_to_idx" ON "framework_relations" USING btree ("to_code");--> statement-breakpoint
CREATE INDEX "framework_versions_timeline_idx" ON "framework_versions" USING btree ("code","effective_on","version");--> statement-breakpoint
CREATE INDEX "framework_versions_effective_idx" ON "framework_versions" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "framework_versions_search_idx" ON "framework_versions" USING gin ("search_vector");