-- Which doc holds each projected seizure (issue 11 item 4, "Volume docs" in docs/architecture.md):
-- the case doc's name or a volume doc's (`<workspaceId>/case/<caseId>/vol/<n>`). Edits, deletes
-- and moves resolve a seizure id to its doc through this column (service/projections/seizure-docs.ts).
--
-- Rows projected before this migration are filled only where the answer is proven: a case none
-- of whose volume docs is stored here holds every seizure in its case doc. Rows of a case that
-- has volumes stay '' (unknown: the resolver then looks in the docs themselves) until the next
-- projection of the seizure or a rebuild writes the real name. Never a guess.

ALTER TABLE seizures ADD COLUMN doc TEXT NOT NULL DEFAULT '';

UPDATE seizures SET doc = (SELECT c.doc_name FROM cases c WHERE c.id = seizures.case_id)
 WHERE NOT EXISTS (
   SELECT 1 FROM doc_heads h, cases c
    WHERE c.id = seizures.case_id AND substr(h.doc_id, 1, length(c.doc_name) + 5) = c.doc_name || '/vol/'
 );
