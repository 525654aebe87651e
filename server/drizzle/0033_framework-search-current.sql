CREATE TABLE "framework_search_current" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"effective_on" date NOT NULL,
	"ended_on" date,
	"languages" text[] NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "framework_search_current_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
ALTER TABLE "framework_search_current" ADD CONSTRAINT "framework_search_current_code_version_framework_versions_code_version_fk" FOREIGN KEY ("code","version") REFERENCES "public"."framework_versions"("code","version") ON DELETE no action ON UPDATE no action;