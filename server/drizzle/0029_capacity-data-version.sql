-- Custom SQL migration (hand-written).
-- The capacity analysis is kept per data version, as the States, framework and reporting reads are
-- (drizzle/0025): a statement trigger on the needs and offers bumps the `capacity` version in the writing
-- transaction and NOTIFYs it.
INSERT INTO "data_versions" ("dataset", "version") VALUES ('capacity', 1) ON CONFLICT ("dataset") DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER capacity_needs_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON capacity_needs FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('capacity');
--> statement-breakpoint
CREATE TRIGGER capacity_offers_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON capacity_offers FOR EACH STATEMENT EXECUTE FUNCTION poa_bump_data_version('capacity');
