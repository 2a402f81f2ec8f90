/**
 * Migration 010 (the `doc` column of the `seizures` projection): rows projected before it are
 * filled with their case doc's name only where that is proven (no volume doc of the case is
 * stored); rows of a case that has a stored volume stay '' (unknown) for the next projection.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../node/store/migrations';
import { openDatabase } from '../../../node/store/sqlite';
import { tempDir } from '../../helpers/temp-dir';

const all = loadMigrations();
const before = all.filter((m) => m.version < 10);

describe('migration 010: seizures.doc', () => {
  it('fills proven rows with the case doc name and leaves rows of cases with volumes unknown', () => {
    expect(all.find((m) => m.version === 10)?.name).toBe('seizure_doc');
    const db = openDatabase(path.join(tempDir(), 'm.sqlite'));
    migrate(db, before);
    const caseRow = db.prepare(
      `INSERT INTO cases (id, doc_name, number, title, status, sector, tlp, lead_agency, jurisdictions, opened_on, summary, seizure_count, mapped_count, route_count, updated_at, updated_by)
       VALUES (?, ?, ?, 't', 'open', 'wildlife', 'AMBER', '', '[]', '2026-01-01', '', 0, 0, 0, 0, '')`,
    );
    const seizure = db.prepare(
      `INSERT INTO seizures (id, case_id, seizure_date, date_precision, country, place, location_precision, sector, commodity, taxon, unit, origin, transit, destination, seizing_agencies, operation, source_title, source_url, notes, updated_at, updated_by)
       VALUES (?, ?, '2026-01-02', 'day', 'SG', '', '', 'wildlife', 'ivory', '', '', '[]', '[]', '[]', '[]', '', '', '', '', 0, '')`,
    );
    caseRow.run('c1', 'w/case/c1', 'N-1');
    caseRow.run('c2', 'w/case/c2', 'N-2');
    seizure.run('s1', 'c1');
    seizure.run('s2', 'c2');
    // Case c2 has a stored volume doc; c1 only its case doc (and an unrelated doc whose name shares a prefix).
    const head = db.prepare('INSERT INTO doc_heads (doc_id, last_seq, pending, updated_at) VALUES (?, 1, 0, 0)');
    head.run('w/case/c2/vol/1');
    head.run('w/case/c1');
    head.run('w/case/c10/vol/1');
    migrate(db, all);
    expect(db.prepare('SELECT id, doc FROM seizures ORDER BY id').all()).toEqual([
      { id: 's1', doc: 'w/case/c1' },
      { id: 's2', doc: '' },
    ]);
    db.close();
  });
});
