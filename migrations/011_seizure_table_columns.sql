-- The seizure table reads its rows from the projection (issue 11 item 4: a case's seizures may
-- live in volume docs the renderer never loads), so the projection carries every field the table
-- shows: the route by role (export countries, transit countries where a seizure opportunity was
-- missed) and how the seizure was made (concealment, transport, detection). '' / '[]' stand for
-- "not reported", as in migration 003. Rows written before this migration get the defaults until
-- the next projection of their case (a rebuild, or any change of the case) writes the real values.

ALTER TABLE seizures ADD COLUMN export_countries   TEXT NOT NULL DEFAULT '[]';  -- JSON array of ISO 3166-1 alpha-2
ALTER TABLE seizures ADD COLUMN missed_transit     TEXT NOT NULL DEFAULT '[]';  -- JSON array, a subset of transit
ALTER TABLE seizures ADD COLUMN concealment_method TEXT NOT NULL DEFAULT '';
ALTER TABLE seizures ADD COLUMN transport_mode     TEXT NOT NULL DEFAULT '';
ALTER TABLE seizures ADD COLUMN detection_method   TEXT NOT NULL DEFAULT '';
