-- Drafts transmitted before their provenance was kept: the group is in the audit event of the
-- transmission, and the revision transmitted is the latest one issued by then.
UPDATE drafts AS d
SET transmitted_from = e.details->>'from',
    transmitted_revision_id = (
      SELECT r.id FROM draft_revisions AS r
      WHERE r.draft_id = d.id AND r.issued_at <= d.transmitted_at
      ORDER BY r.number DESC LIMIT 1
    )
FROM audit_events AS e
WHERE e.action = 'decisions.transmit-draft'
  AND e.subject_id = d.id::text
  AND d.transmitted_at IS NOT NULL
  AND d.transmitted_from IS NULL;
