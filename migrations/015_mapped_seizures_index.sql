-- The mapped seizures of a case, indexed (branch p3speed, issue 11 P3): the projection recounts a
-- case's `seizure_count` and `mapped_count` after every transaction it projects
-- (service/projections/projector.ts), and `mapped_count`'s `latitude IS NOT NULL` made SQLite
-- read every seizure row of the case from the table (~1 s for 100,000 rows, once per volume of
-- an import: about half of a 100,000-row import's writing). With this partial index the count
-- reads only the index, like `seizure_count` does with `seizures_by_case`.

CREATE INDEX seizures_mapped ON seizures (case_id) WHERE latitude IS NOT NULL;
