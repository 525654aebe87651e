CREATE TABLE "data_versions" (
	"dataset" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Freshness of the cached public reads without a query per request: a statement trigger on each table
-- of a cached dataset bumps the dataset's version in the writing transaction and NOTIFYs it, so every
-- process (each LISTENs on `data_versions`) learns of the change when the transaction commits.
INSERT INTO "data_versions" ("dataset", "version") VALUES ('states', 1), ('framework', 1), ('reporting', 1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION poa_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  INSERT INTO data_versions (dataset, version) VALUES (TG_ARGV[0], 1)
  ON CONFLICT (dataset) DO UPDATE SET version = data_versions.version + 1
  RETURNING version INTO v;
  PERFORM pg_notify('data_versions', TG_ARGV[0] || ':' || v);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER states_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON states FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('states');
--> statement-breakpoint
CREATE TRIGGER regional_groups_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regional_groups FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('states');
--> statement-breakpoint
CREATE TRIGGER framework_elements_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON framework_elements FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('framework');
--> statement-breakpoint
CREATE TRIGGER framework_versions_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON framework_versions FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('framework');
--> statement-breakpoint
CREATE TRIGGER framework_relations_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON framework_relations FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('framework');
--> statement-breakpoint
CREATE TRIGGER source_documents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source_documents FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('framework');
--> statement-breakpoint
CREATE TRIGGER report_submissions_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_submissions FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('reporting');
