-- The Yjs document store: an append-only update log per doc, one snapshot per doc, and a head
-- row per doc (last sequence number and updates since the snapshot). Used by the desktop data
-- service and by the relay alike.

CREATE TABLE doc_updates (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT, -- global, never reused: a clock for "changed since"
  doc_id     TEXT    NOT NULL,                  -- doc name, e.g. "<workspaceId>/case/<caseId>"
  data       BLOB    NOT NULL,                  -- one Yjs update (v1 encoding)
  member_id  TEXT    NOT NULL DEFAULT '',       -- who made it (local member or relay-authenticated member)
  created_at INTEGER NOT NULL                   -- ms since epoch
);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);

CREATE TABLE doc_snapshots (
  doc_id       TEXT    PRIMARY KEY,
  data         BLOB    NOT NULL,  -- Y.encodeStateAsUpdate of the merged state
  state_vector BLOB    NOT NULL,  -- Y.encodeStateVector of the same state
  upto_seq     INTEGER NOT NULL,  -- every update with seq <= upto_seq is contained in data
  updated_at   INTEGER NOT NULL
);

CREATE TABLE doc_heads (
  doc_id     TEXT    PRIMARY KEY,
  last_seq   INTEGER NOT NULL,            -- seq of the doc's latest update
  pending    INTEGER NOT NULL DEFAULT 0,  -- updates not yet merged into the snapshot
  updated_at INTEGER NOT NULL
);
CREATE INDEX doc_heads_by_seq ON doc_heads (last_seq);

CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  applied_at INTEGER NOT NULL
);
