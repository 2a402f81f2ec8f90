-- Newer ECB reference-rate files imported by the user (the ECB's eurofxref-hist.csv layout), kept
-- beside the snapshot shipped in resources/rates/. Local to this workspace database on this machine:
-- never synced and never put into Yjs (a file is ~1.8 MB). The data service merges them over the
-- shipped snapshot, oldest last_date first, so the newest file wins on a date two files both hold
-- (docs/valuation.md). The relay runs this migration too; there the table stays empty.

CREATE TABLE ecb_rate_files (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name   TEXT    NOT NULL,         -- as the user picked it, e.g. "eurofxref-hist.csv"
  sha256      TEXT    NOT NULL UNIQUE,  -- hex SHA-256 of the file's bytes: the same file is stored once
  first_date  TEXT    NOT NULL,         -- YYYY-MM-DD, oldest line of the file
  last_date   TEXT    NOT NULL,         -- YYYY-MM-DD, newest line of the file
  row_count   INTEGER NOT NULL,         -- dated lines
  currencies  TEXT    NOT NULL,         -- JSON array of the header's ISO 4217 codes
  content     BLOB    NOT NULL,         -- the file's bytes, gzip-compressed
  imported_at INTEGER NOT NULL,         -- ms since epoch
  imported_by TEXT    NOT NULL          -- member id of the importer
);
