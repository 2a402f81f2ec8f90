/**
 * The generated workspace of benchmarks S1 and L1: `cases` case docs (default 1,000) holding
 * `entities` entities in all (default 20,000, spread evenly): vessels with valid IMO numbers,
 * companies with registration numbers, people with passports, and e-mail addresses, drawn from
 * pools small enough that many identifiers recur across cases (as a task force's do), each case
 * with a few links. Written through the real typed views (CaseDoc: zod-validated) and projected
 * by the real Projector into a migrated SQLite database in a temporary folder. Deterministic
 * (a seeded generator), so runs compare.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { migrate } from '../node/store/migrations';
import { openDatabase, type Db } from '../node/store/sqlite';
import { CaseDoc } from '../shared/docs/case-doc';
import { newCaseFields } from '../shared/domain/case';
import { newLinkFields } from '../shared/domain/entity-links';
import { Projector } from '../service/projections/projector';

/** The corpus: the database, its case docs by id, and the values its queries draw from. */
export interface Corpus {
  db: Db;
  dir: string;
  docs: Map<string, CaseDoc>;
  /** Entity names and identifiers as a user would type them, for search queries. */
  terms: string[];
  close(): void;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amina', 'Baraka', 'Chen', 'Dewi', 'Emeka', 'Farah', 'Gao', 'Hassan', 'Ines', 'Juma', 'Kofi', 'Lina', 'Minh', 'Nia', 'Omar', 'Priya', 'Quang', 'Rafael', 'Siti', 'Tunde'];
const LAST = ['Mwangi', 'Tan', 'Nguyen', 'Okafor', 'Rahman', 'Silva', 'Wanjiru', 'Lim', 'Abdullah', 'Osei', 'Pham', 'Kamau', 'Santos', 'Ibrahim', 'Wong'];
const WORDS = ['Ocean', 'Star', 'Baraka', 'Golden', 'Pacific', 'Hai', 'Phong', 'Jade', 'Lotus', 'Savanna', 'Coral', 'Eagle', 'Harbour', 'Unity', 'Horizon', 'Sunrise', 'Delta', 'Atlas', 'Mekong', 'Zambezi'];
const SUFFIX = ['Trading Co.', 'Logistics Ltd', 'Shipping', 'Import Export', 'Holdings', 'Freight'];

/** A valid IMO ship number from a 6-digit stem (check digit per IMO Resolution A.1117(30)). */
function imoOf(stem: number): string {
  const d = String(100000 + (stem % 900000)).split('').map(Number);
  const check = d.reduce((s, x, i) => s + x * (7 - i), 0) % 10;
  return `${d.join('')}${check}`;
}

/** Builds the corpus (takes tens of seconds at the default size). */
export function buildCorpus(cases: number, entities: number, seed = 12): Corpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nest-s1-'));
  const db = openDatabase(path.join(dir, 's1.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const workspaceId = '00000000-0000-4000-8000-00000000beef';
  const projector = new Projector(db, workspaceId);
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const w = { memberId: 'bench', now: () => 1_765_000_000_000 };
  const docs = new Map<string, CaseDoc>();
  const terms: string[] = [];
  const perCase = Math.max(1, Math.round(entities / cases));
  // Pools about a third of the entities' size: identifiers recur across cases.
  const pool = Math.max(10, Math.floor(entities / 3));
  for (let c = 0; c < cases; c++) {
    const caseId = `00000000-0000-4000-8000-${String(c).padStart(12, '0')}`;
    const cd = new CaseDoc(new Y.Doc());
    cd.init(caseId, `NEST-2026-${String(c + 1).padStart(4, '0')}`, { ...newCaseFields('2026-01-01'), title: `${pick(WORDS)} ${pick(['ivory', 'pangolin scales', 'rosewood', 'shark fin', 'timber'])} network ${c}`, tags: [pick(['port', 'ivory', 'op-thunder', 'iuu'])] }, w);
    const ids: string[] = [];
    for (let e = 0; e < perCase; e++) {
      const id = `${caseId.slice(0, 24)}${String(c * perCase + e).padStart(12, '0')}`.replace(/^0{8}/, 'eeeeeeee');
      const n = Math.floor(r() * pool);
      const kind = e % 4;
      if (kind === 0) {
        const name = `${pick(WORDS)} ${pick(WORDS)}`;
        const imo = imoOf(n);
        cd.addEntity(id, { kind: 'vessel', name, aliases: [], imo, mmsi: '', flag: 'SG', callSign: '', notes: '' }, w);
        if (c % 10 === 0) terms.push(`IMO ${imo}`, name);
      } else if (kind === 1) {
        const name = `${pick(WORDS)} ${pick(SUFFIX)}`;
        const reg = String(100000000 + n);
        cd.addEntity(id, { kind: 'organisation', name, aliases: [], registrationNumber: reg, jurisdiction: 'KE', notes: '' }, w);
        if (c % 10 === 0) terms.push(reg, name);
      } else if (kind === 2) {
        const name = `${pick(FIRST)} ${pick(LAST)}`;
        const passport = `A${String(1000000 + n)}`;
        cd.addEntity(id, { kind: 'person', name, aliases: [], birthDate: '', nationalities: ['KE'], idDocuments: [{ type: 'passport', number: passport, country: 'KE' }], notes: '' }, w);
        if (c % 10 === 0) terms.push(passport, name);
      } else {
        const address = `agent${n}@example.org`;
        cd.addEntity(id, { kind: 'email', address, notes: '' }, w);
        if (c % 10 === 0) terms.push(address);
      }
      ids.push(id);
    }
    for (let l = 0; l + 1 < ids.length && l < 6; l += 2) {
      cd.addLink(`${ids[l]!.slice(0, 24)}${String(900000000000 + c * 10 + l)}`, { ...newLinkFields(ids[l]!, ids[l + 1]!, 'associate'), source: `${pick(WORDS)} press release` }, w);
    }
    projector.projectAll(caseId, cd);
    docs.set(caseId, cd);
  }
  return {
    db,
    dir,
    docs,
    terms,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
