-- Records that are never changed, enforced by the database itself and not only by the code:
-- the audit chain, the versions of framework texts, the revisions of drafts and adopted outcomes.
-- An UPDATE or DELETE on them fails, whichever program sends it.
CREATE OR REPLACE FUNCTION poa_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the % record is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
--> statement-breakpoint
CREATE TRIGGER framework_versions_immutable BEFORE UPDATE OR DELETE ON framework_versions FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
--> statement-breakpoint
CREATE TRIGGER draft_revisions_immutable BEFORE UPDATE OR DELETE ON draft_revisions FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
--> statement-breakpoint
CREATE TRIGGER outcomes_immutable BEFORE UPDATE OR DELETE ON outcomes FOR EACH ROW EXECUTE FUNCTION poa_refuse_change();
