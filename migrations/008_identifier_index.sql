-- Cross-case links (issue 12 item 4): every value an entity can be matched by in another case,
-- derived from the case docs (shared/domain/entities.ts strongIdentifiers) and rebuildable like
-- the other projections. `strength` is 'strong' for identifiers (IMO, IBAN, passport…) and
-- 'weak' for folded names: many people and companies share a name.

CREATE TABLE identifier_index (
  case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  entity_id        TEXT NOT NULL,
  entity_kind      TEXT NOT NULL,  -- person, vessel, … (shared/domain/entities.ts ENTITY_KINDS)
  label            TEXT NOT NULL,  -- the entity's display name when projected
  kind             TEXT NOT NULL,  -- the identifier scheme: imo, iban, passport:NG, name, …
  value_normalised TEXT NOT NULL,
  strength         TEXT NOT NULL CHECK (strength IN ('strong', 'weak')),
  PRIMARY KEY (case_id, entity_id, kind, value_normalised)
);
CREATE INDEX identifier_index_by_value ON identifier_index (kind, value_normalised, case_id);
