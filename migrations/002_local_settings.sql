-- Local, per-database settings that are not shared through docs (e.g. which member this
-- machine acts as in the workspace, whether it is the demo workspace), and remembered
-- import column mappings keyed by the file's header row.

CREATE TABLE local_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL  -- JSON
);

CREATE TABLE import_mappings (
  headers_key TEXT    PRIMARY KEY,  -- the header row, normalised and joined
  mapping     TEXT    NOT NULL,     -- JSON: column name -> import target
  updated_at  INTEGER NOT NULL
);
