-- Case fields of issue 12 (case doc layout 2): severity, assignee, tags, closing date and
-- resolution in the `cases` projection, for the case list's columns and filters. Rows written
-- before this migration get the defaults until the next projection of their case (a rebuild, or
-- any change) writes the real values.

ALTER TABLE cases ADD COLUMN severity   INTEGER NOT NULL DEFAULT 2;
ALTER TABLE cases ADD COLUMN assignee   TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN tags       TEXT NOT NULL DEFAULT '[]';  -- JSON array of lower-case tags
ALTER TABLE cases ADD COLUMN closed_on  TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN notes      TEXT NOT NULL DEFAULT '';    -- the notes' plain text (layout 2)
CREATE INDEX cases_by_assignee ON cases (assignee);
