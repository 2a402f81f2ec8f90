-- Deleted seizures (the "Deleted" list of a case's seizures, restorable): one row per seizure
-- tombstone (`deleted: true`) in the case doc or a volume doc, derived like `seizures` and
-- rebuildable from the docs. Seizures moved to another case are not listed: they live on there.
-- `updated_at`/`updated_by` are the tombstone's last stamp (the deletion, unless a peer's
-- concurrent edit merged in later); who deleted it and why are read from the case's audit and
-- import log when a page is shown (service/seizures/deleted-seizures.ts), never stored as a guess.
-- A restore removes the row (the seizure is projected into `seizures` again).

CREATE TABLE deleted_seizures (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  doc            TEXT NOT NULL,   -- the case doc's or the volume doc's name
  seizure_date   TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  country        TEXT NOT NULL,
  place          TEXT NOT NULL,
  commodity      TEXT NOT NULL,
  taxon          TEXT NOT NULL,
  quantity       REAL,
  unit           TEXT NOT NULL,   -- '' when not reported
  import_batch   TEXT,            -- the import batch it came from, if any
  updated_at     INTEGER NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX deleted_seizures_by_case ON deleted_seizures (case_id, updated_at DESC, id);
