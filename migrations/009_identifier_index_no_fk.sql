-- The cross-case identifier index without its foreign key to `cases` (bench L1, issue 12).
-- Measured: the key cost a lookup of the parent case for every inserted row, about a fifth of a
-- rebuild's SQL time, and bought nothing: the index is a projection written only by the
-- projector, in the same transaction as the case row it belongs to, and cleared with it on a
-- rebuild; its readers join `cases` (service/projections/identifier-queries.ts), so a row whose
-- case is gone is never shown. SQLite cannot drop a constraint, so the table is rebuilt.

CREATE TABLE identifier_index_new (
  case_id          TEXT NOT NULL,  -- cases.id (not a foreign key: see above)
  entity_id        TEXT NOT NULL,
  entity_kind      TEXT NOT NULL,  -- person, vessel, … (shared/domain/entities.ts ENTITY_KINDS)
  label            TEXT NOT NULL,  -- the entity's display name when projected
  kind             TEXT NOT NULL,  -- the identifier scheme: imo, iban, passport:NG, name, …
  value_normalised TEXT NOT NULL,
  strength         TEXT NOT NULL CHECK (strength IN ('strong', 'weak')),
  PRIMARY KEY (case_id, entity_id, kind, value_normalised)
);
INSERT INTO identifier_index_new (case_id, entity_id, entity_kind, label, kind, value_normalised, strength)
  SELECT case_id, entity_id, entity_kind, label, kind, value_normalised, strength FROM identifier_index;
DROP TABLE identifier_index;
ALTER TABLE identifier_index_new RENAME TO identifier_index;
CREATE INDEX identifier_index_by_value ON identifier_index (kind, value_normalised, case_id);
