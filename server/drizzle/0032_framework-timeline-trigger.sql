-- framework_timeline (0031) kept by the database itself: each version recorded gets its row, and the
-- version before it (by effective date, then number) now ends where it begins; a version recorded out of
-- order (an earlier date than one already recorded) ends where the next one begins. Versions are never
-- changed or deleted (0004), so an insert is the only change to follow. Rows a statement inserts are
-- taken in turn, each seeing the ones before, so any order gives the same timeline.
CREATE OR REPLACE FUNCTION public.poa_framework_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_on date;
BEGIN
  SELECT t.effective_on INTO next_on FROM framework_timeline t
    WHERE t.code = NEW.code AND (t.effective_on, t.version) > (NEW.effective_on, NEW.version)
    ORDER BY t.effective_on, t.version LIMIT 1;
  UPDATE framework_timeline SET ended_on = NEW.effective_on
    WHERE (code, version) = (
      SELECT t.code, t.version FROM framework_timeline t
      WHERE t.code = NEW.code AND (t.effective_on, t.version) < (NEW.effective_on, NEW.version)
      ORDER BY t.effective_on DESC, t.version DESC LIMIT 1);
  INSERT INTO framework_timeline (code, version, effective_on, ended_on) VALUES (NEW.code, NEW.version, NEW.effective_on, next_on);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER framework_versions_timeline AFTER INSERT ON framework_versions FOR EACH ROW EXECUTE FUNCTION public.poa_framework_timeline();--> statement-breakpoint
INSERT INTO framework_timeline (code, version, effective_on, ended_on)
  SELECT code, version, effective_on, lead(effective_on) OVER (PARTITION BY code ORDER BY effective_on, version) FROM framework_versions;
