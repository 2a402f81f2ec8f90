-- Review flags (branch outside, issue 11): the doubts a seizure was stored with (a point far
-- outside its seizing country), as the JSON the exports write (shared/domain/seizure.ts
-- `reviewFlagsText`); '' when none. The seizure table shows a badge and filters "Flagged for
-- review" on it, the map outlines flagged points. Rows written before this migration read ''
-- until the projection is rebuilt (PROJECTION_VERSION 5 rebuilds it at the next start).

ALTER TABLE seizures ADD COLUMN review_flags TEXT NOT NULL DEFAULT '';
CREATE INDEX seizures_flagged ON seizures (case_id) WHERE review_flags <> '';
