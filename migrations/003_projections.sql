-- Projections: relational copies of the case docs, derived after each change and rebuildable
-- from the docs at any time. Lists, maps and searches read these, never loaded docs.

CREATE TABLE cases (
  id            TEXT PRIMARY KEY,
  doc_name      TEXT NOT NULL,
  number        TEXT NOT NULL,
  title         TEXT NOT NULL,
  status        TEXT NOT NULL,
  sector        TEXT NOT NULL,
  tlp           TEXT NOT NULL,
  lead_agency   TEXT NOT NULL,
  jurisdictions TEXT NOT NULL,  -- JSON array of ISO 3166-1 alpha-2
  opened_on     TEXT NOT NULL,  -- YYYY-MM-DD
  summary       TEXT NOT NULL,
  seizure_count INTEGER NOT NULL,
  mapped_count  INTEGER NOT NULL,
  route_count   INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  updated_by    TEXT NOT NULL
);

CREATE TABLE seizures (
  id                 TEXT PRIMARY KEY,
  case_id            TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seizure_date       TEXT NOT NULL,
  date_precision     TEXT NOT NULL,
  country            TEXT NOT NULL,
  place              TEXT NOT NULL,
  latitude           REAL,
  longitude          REAL,
  location_precision TEXT NOT NULL,
  sector             TEXT NOT NULL,
  commodity          TEXT NOT NULL,
  taxon              TEXT NOT NULL,
  cites_appendix     TEXT,
  quantity           REAL,
  unit               TEXT NOT NULL,
  origin             TEXT NOT NULL,  -- JSON arrays of ISO 3166-1 alpha-2
  transit            TEXT NOT NULL,
  destination        TEXT NOT NULL,
  seizing_agencies   TEXT NOT NULL,  -- JSON array
  reported_value     REAL,
  reported_currency  TEXT,
  operation          TEXT NOT NULL,
  source_title       TEXT NOT NULL,
  source_url         TEXT NOT NULL,
  notes              TEXT NOT NULL,
  updated_at         INTEGER NOT NULL,
  updated_by         TEXT NOT NULL
);
CREATE INDEX seizures_by_case ON seizures (case_id, seizure_date);

CREATE VIRTUAL TABLE search_fts USING fts5 (
  kind UNINDEXED,       -- 'case' | 'seizure'
  case_id UNINDEXED,
  record_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
