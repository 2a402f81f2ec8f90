-- The relay's provenance log (issue 10): one row per update the relay accepted, append-only and
-- never touched by compaction (compaction deletes from doc_updates only). Each row keeps the
-- authenticated member, the time, the size, the SHA-256 of the update bytes and the bytes
-- themselves, so any past state of a doc can be rebuilt by replaying its rows up to a seq, and a
-- hash chain (`chain` = SHA-256 of the previous row's chain and this row's fields) makes a row
-- edited or removed behind the relay's back detectable. The desktop runs this migration too;
-- there the tables stay empty.

CREATE TABLE relay_provenance (
  seq        INTEGER PRIMARY KEY,   -- the update's seq in doc_updates (global, never reused)
  doc_id     TEXT    NOT NULL,      -- doc name, e.g. "<workspaceId>/case/<caseId>"
  member_id  TEXT    NOT NULL,      -- the member the relay authenticated (token verified)
  created_at INTEGER NOT NULL,      -- ms since epoch
  size       INTEGER NOT NULL,      -- bytes of the update
  sha256     TEXT    NOT NULL,      -- hex SHA-256 of the update bytes
  chain      TEXT    NOT NULL,      -- hex SHA-256(previous chain | seq | doc | member | at | sha256)
  data       BLOB    NOT NULL       -- the update (Yjs v1), kept for rebuilding past states
);
CREATE INDEX relay_provenance_by_doc ON relay_provenance (doc_id, seq);

CREATE TRIGGER relay_provenance_no_update BEFORE UPDATE ON relay_provenance
BEGIN SELECT RAISE(ABORT, 'relay_provenance is append-only'); END;
CREATE TRIGGER relay_provenance_no_delete BEFORE DELETE ON relay_provenance
BEGIN SELECT RAISE(ABORT, 'relay_provenance is append-only'); END;

-- Alerts the relay raised for a workspace's admins (e.g. a mass deletion refused), newest last.
CREATE TABLE relay_alerts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id TEXT    NOT NULL,
  doc_id       TEXT    NOT NULL,
  member_id    TEXT    NOT NULL,   -- who caused it
  kind         TEXT    NOT NULL,   -- e.g. "mass-deletion"
  records      INTEGER NOT NULL,   -- records the refused update would have deleted
  created_at   INTEGER NOT NULL    -- ms since epoch
);
CREATE INDEX relay_alerts_by_workspace ON relay_alerts (workspace_id, id);
