-- Links between cases seen from both ends (issue 12 item 7): each case's links to other cases,
-- derived from the case docs (shared/docs/case-linked-cases.ts) and rebuildable like the other
-- projections, so that the linked case's overview can say "Linked from A" without loading every
-- case doc. Removed links stay (`deleted` = 1, with who removed them when): nothing disappears
-- without a trace. Readers join `cases` and filter by the permission model
-- (service/projections/case-link-queries.ts), so a link from a case the member may not read is
-- never shown.

CREATE TABLE case_links (
  case_id        TEXT NOT NULL,  -- the case that holds the link (cases.id; not a foreign key, as identifier_index)
  link_id        TEXT NOT NULL,
  other_case_id  TEXT NOT NULL,  -- the case it links to
  relation       TEXT NOT NULL,  -- shared/domain/case-link.ts CASE_RELATIONS
  reason         TEXT NOT NULL,
  created_by     TEXT NOT NULL,  -- member id
  created_at     INTEGER NOT NULL,  -- ms since epoch
  deleted        INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  updated_by     TEXT NOT NULL,  -- the remover when deleted
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (case_id, link_id)
);
CREATE INDEX case_links_by_other ON case_links (other_case_id);
