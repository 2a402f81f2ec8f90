/**
 * The ECB euro reference rates a workspace converts with: the snapshot shipped in
 * `resources/rates/ecb-eurofxref-hist.csv` (parsed once per process, on first use) merged with the
 * newer `eurofxref-hist.csv` files the user imported into this workspace's local database
 * (table `ecb_rate_files`, migrations/005_ecb_rate_files.sql; gzip-compressed bytes, never in Yjs).
 *
 * Merge order: the shipped snapshot, then the imported files by `last_date` (then import order),
 * each with `mergeEcbRates`, so on a date two sources both hold the newest file's rate is used.
 * The merged rates are cached per workspace database and rebuilt after an import or removal.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { appPath } from '../../node/store/app-root';
import type { Db } from '../../node/store/sqlite';
import { NestError } from '../../shared/errors';
import type { EcbFile, EcbImportReport } from '../../shared/rpc/valuation';
import { mergeEcbRates, parseEcbCsv, type EcbRates } from '../../shared/valuation/rates';
import { t } from '../../shared/messages';

/** File name of the shipped snapshot (in `resources/rates/`). */
export const SHIPPED_ECB_FILE = 'ecb-eurofxref-hist.csv';

let shipped: EcbRates | null = null;

/**
 * The shipped ECB snapshot (1999-01-04 to 2025-05-09), parsed on first use (about 20 ms) and kept.
 * @throws NestError('import-failed') when the shipped file is damaged (a packaging error).
 */
export function shippedEcbRates(): EcbRates {
  shipped ??= parseEcbCsv(fs.readFileSync(appPath('resources', 'rates', SHIPPED_ECB_FILE), 'utf8'), SHIPPED_ECB_FILE);
  return shipped;
}

interface FileRow {
  id: number;
  file_name: string;
  sha256: string;
  first_date: string;
  last_date: string;
  row_count: number;
  currencies: string;
  imported_at: number;
  imported_by: string;
}

function toFile(r: FileRow): EcbFile {
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    firstDate: r.first_date,
    lastDate: r.last_date,
    rowCount: r.row_count,
    currencies: JSON.parse(r.currencies) as string[],
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  };
}

const FILE_COLUMNS = 'id, file_name, sha256, first_date, last_date, row_count, currencies, imported_at, imported_by';
const ORDER = 'ORDER BY last_date, id';

/** The ECB files imported into a workspace database, in merge order (oldest last date first). */
export function listImportedEcbFiles(db: Db): EcbFile[] {
  return (db.prepare(`SELECT ${FILE_COLUMNS} FROM ecb_rate_files ${ORDER}`).all() as FileRow[]).map(toFile);
}

const merged = new WeakMap<Db, EcbRates>();

/** The shipped rates merged with every file imported into `db` (cached until the next import or removal). */
export function workspaceEcbRates(db: Db): EcbRates {
  const cached = merged.get(db);
  if (cached) return cached;
  let rates = shippedEcbRates();
  const rows = db.prepare(`SELECT file_name, content FROM ecb_rate_files ${ORDER}`).all() as { file_name: string; content: Buffer }[];
  for (const r of rows) rates = mergeEcbRates(rates, parseEcbCsv(gunzipSync(r.content).toString('utf8'), r.file_name));
  merged.set(db, rates);
  return rates;
}

/** Counts (date × currency) cells of `next` that `current` holds with another value, and dates `current` lacks. */
function compare(current: EcbRates, next: EcbRates): { newDates: number; changedRates: number } {
  const known = new Set<number>();
  for (const s of current.series.values()) for (const d of s.days) known.add(d);
  const fresh = new Set<number>();
  let changedRates = 0;
  for (const [code, s] of next.series) {
    const old = current.series.get(code);
    let j = 0;
    for (let i = 0; i < s.days.length; i++) {
      const day = s.days[i]!;
      if (!known.has(day)) fresh.add(day);
      if (!old) continue;
      while (j < old.days.length && old.days[j]! < day) j++;
      if (j < old.days.length && old.days[j] === day && old.perEur[j] !== s.perEur[i]) changedRates++;
    }
  }
  return { newDates: fresh.size, changedRates };
}

/**
 * Imports an ECB `eurofxref-hist.csv` file into the workspace database. The whole file is checked
 * first (`parseEcbCsv`); a file already imported (same SHA-256) is reported as a duplicate and
 * changes nothing.
 * @param bytes the file as picked by the user.
 * @throws NestError('import-failed') naming each bad line and column (nothing is stored);
 *   NestError('import-failed') when the file is not UTF-8 text.
 */
export function importEcbFile(db: Db, fileName: string, bytes: Uint8Array, memberId: string, now = Date.now()): EcbImportReport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NestError('import-failed', { id: 'valuation.ecb-not-text', values: { file: fileName } });
  }
  const parsed = parseEcbCsv(text, fileName);
  // The ECB publishes a day's rates that afternoon (CET); a later date is not an ECB rate.
  const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
  if (parsed.lastDate > tomorrow) {
    throw new NestError('import-failed', { id: 'valuation.ecb-date-in-future', values: { file: fileName, date: parsed.lastDate } }, [
      { field: 'line.2.Date', message: t('valuation.ecb-date-in-future-field', { date: parsed.lastDate }) },
    ]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const before = workspaceEcbRates(db);
  const existing = db.prepare(`SELECT ${FILE_COLUMNS} FROM ecb_rate_files WHERE sha256 = ?`).get(sha256) as FileRow | undefined;
  if (existing) {
    return { file: toFile(existing), duplicate: true, previousLastDate: before.lastDate, lastDate: before.lastDate, newDates: 0, changedRates: 0 };
  }
  const { newDates, changedRates } = compare(before, parsed);
  const info = db
    .prepare('INSERT INTO ecb_rate_files (file_name, sha256, first_date, last_date, row_count, currencies, content, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fileName, sha256, parsed.firstDate, parsed.lastDate, parsed.rowCount, JSON.stringify(parsed.currencies), gzipSync(bytes), now, memberId);
  merged.delete(db);
  const after = workspaceEcbRates(db);
  const row = db.prepare(`SELECT ${FILE_COLUMNS} FROM ecb_rate_files WHERE id = ?`).get(info.lastInsertRowid) as FileRow;
  return { file: toFile(row), duplicate: false, previousLastDate: before.lastDate, lastDate: after.lastDate, newDates, changedRates };
}

/**
 * Removes an imported ECB file; conversions then use the remaining files and the shipped snapshot.
 * @throws NestError('not-found') for an unknown id.
 */
export function removeEcbFile(db: Db, id: number): void {
  const r = db.prepare('DELETE FROM ecb_rate_files WHERE id = ?').run(id);
  if (r.changes === 0) throw new NestError('not-found', { id: 'valuation.ecb-file-not-found', values: { id } });
  merged.delete(db);
}

/** The ECB files of one workspace database, bound to it (what the workspace store hands out). */
export class EcbFiles {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** See {@link listImportedEcbFiles}. */
  list(): EcbFile[] {
    return listImportedEcbFiles(this.db);
  }

  /** See {@link workspaceEcbRates}. */
  rates(): EcbRates {
    return workspaceEcbRates(this.db);
  }

  /** See {@link importEcbFile} (same errors). */
  import(fileName: string, bytes: Uint8Array, memberId: string, now = Date.now()): EcbImportReport {
    return importEcbFile(this.db, fileName, bytes, memberId, now);
  }

  /** See {@link removeEcbFile} (same errors). */
  remove(id: number): void {
    removeEcbFile(this.db, id);
  }
}
