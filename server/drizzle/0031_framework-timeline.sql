CREATE TABLE "framework_timeline" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"effective_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "framework_timeline_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
ALTER TABLE "framework_timeline" ADD CONSTRAINT "framework_timeline_code_version_framework_versions_code_version_fk" FOREIGN KEY ("code","version") REFERENCES "public"."framework_versions"("code","version") ON DELETE no action ON UPDATE no action;