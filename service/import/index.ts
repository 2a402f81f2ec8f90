/**
 * The seizure import/export library of the data service: pure functions, no database, no
 * Electron. `parseImportFile` reads a CSV, KML, GPX or GeoJSON file into validated seizure fields
 * and routes plus a report of every row it could not take; `seizuresToCsv` writes seizures in the
 * public data set's CSV format; `headersKey` is the key a column mapping is remembered under.
 *
 * Pipeline: bytes → encoding (decode.ts) → is it text at all (text-check.ts) → format
 * (detect-format.ts) → table (csv-reader.ts or
 * geo-reader.ts) → mapping (given, remembered, fixed or guess-mapping.ts) → plan (plan.ts: per-column
 * decimal mark and date order) → one seizure per row (build-seizure.ts, using the cell parsers
 * numbers, dates, coordinates, quantity, units, countries, sectors, vocab, lists) → report.
 */
import type { RouteFields, RouteKind } from '../../shared/domain/route';
import type { RaisedReviewFlag, SeizureFields } from '../../shared/domain/seizure';
import { NestError } from '../../shared/errors';
import type { ColumnMapping, ImportReport, ImportTarget, Rejection } from '../../shared/rpc/import';
import { tlpOfMarking } from '../../shared/domain/tlp-marking';
import type { Tlp } from '../../shared/domain/codes';
import { buildSeizure, type ExtraCell, type GeometryLocation } from './build-seizure';
import { readCsv } from './csv-reader';
import type { DateOrder } from './dates';
import { decodeText } from './decode';
import { detectFormat, refuseBinary, type ImportFormat } from './detect-format';
import { KML_IMAGES, readGeo, TIME_OF_DAY, TIME_SPAN_END } from './geo-reader';
import { guessMapping } from './guess-mapping';
import { requireText } from './text-check';
import { headerTarget, publicColumnTarget } from './header-names';
import { makePlan, overrideMapping, resolveMapping, type ImportPlan, type ImportStage } from './plan';
import type { DecimalMark } from './numbers';
import { t, type MessageId, type MessageValues } from '../../shared/messages';
import { commodityCatalogue, type WorkspaceCommodityEntry } from '../../shared/domain/commodities';
import { UnlistedCommodities, type UnlistedCommodity } from './commodity-check';
import { TaxonTally, taxonWarnings, type TaxonTallies } from './taxon-check';
import { SEIZURE_BATCH } from './parse-worker-protocol';

/** The key a column mapping is remembered under: normalised header names, order-insensitive (header-names.ts). */
export { headersKey } from './header-names';
/** Seizures as CSV in the public data set's columns, CRLF, formula-like text cells neutralised (export-csv.ts). */
export { seizuresToCsv } from '../export/export-csv';

/** Largest file accepted, in bytes (64 MiB; the RPC's base64 limit of 90,000,000 characters is about 67 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Most data rows (CSV) or features (KML, GPX, GeoJSON) accepted in one file. */
export const MAX_IMPORT_ROWS = 100_000;
/** How many data rows `sampleRows` holds for the mapping dialog. */
export const SAMPLE_ROWS = 10;

/** What the data service gets back from {@link parseImportFile}. */
export interface ParsedImport {
  format: ImportFormat;
  /** Encoding the bytes were read with, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string;
  /** ',' ';' '\t' or '|' for CSV, '' otherwise. */
  delimiter: string;
  /** CSV header row as in the file (BOM stripped); for KML/GPX/GeoJSON the property names seen. */
  headers: string[];
  /** The mapping used, with an entry for every header ('ignore' for unused columns). */
  mapping: ColumnMapping;
  /** Where the mapping came from; 'fixed' for KML/GPX/GeoJSON and for files in the public data set's own columns. */
  mappingSource: 'given' | 'remembered' | 'guessed' | 'fixed';
  /** The first {@link SAMPLE_ROWS} non-blank data rows as raw strings, one cell per header. */
  sampleRows: string[][];
  /** Valid rows ready for `CaseDoc.addSeizures`; `line` as in {@link Rejection}. */
  /** `review`: the flags to store with the seizure (raised by the checks or carried in the file), absent when none. */
  seizures: { line: number; fields: SeizureFields; review?: RaisedReviewFlag[] }[];
  /** Lines from KML, GPX and GeoJSON files (validated with `routeFieldsSchema`). */
  routes: RouteFields[];
  /** `imported` === `seizures.length`, unless the rows were streamed ({@link ParseImportInput.onSeizures}). */
  /** `report.fileTlp`: the TLP marking the file carries (an export's), null when none. */
  report: ImportReport;
  /** The valid rows' commodities the catalogue does not list, with their lines: a stopped import's report counts its written rows from them (running-imports.ts). */
  unlisted: UnlistedCommodity[];
  /** The valid rows' taxa the species list does not know, and listed ones without a declared appendix, with their lines (as `unlisted`). */
  taxa: TaxonTallies;
}

/** Input of {@link parseImportFile}. */
export interface ParseImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** The user's choice in the import dialog (wins over everything). */
  mapping?: ColumnMapping;
  /** The mapping used last time for the same {@link headersKey} (CSV only). */
  rememberedMapping?: ColumnMapping;
  /**
   * Columns mapped on top of the remembered, fixed or guessed mapping (the CLI's `--map`): only
   * these change ({@link overrideMapping}); ignored when `mapping` is given.
   */
  mapColumns?: ColumnMapping;
  /** Day-month order of ambiguous slash dates; decided per column when absent. */
  dateOrder?: DateOrder;
  /** The user's decimal mark per numeric column (column name → mark), for columns whose cells do not prove it. */
  decimalMarks?: Readonly<Record<string, DecimalMark>>;
  /** Values for fields the file has no value for (no column, or an empty cell), e.g. the case's sector. */
  defaults?: Partial<SeizureFields>;
  /** Country (ISO 3166-1 alpha-2) at a WGS84 point, used before `defaults.country` for rows with coordinates but no country. */
  countryAt?: (latitude: number, longitude: number) => string | null;
  /** How far a point lies outside a country, null when in or near (25 km) it; rows outside their seizing country are flagged with it (see plan.ts). */
  outsideKm?: (latitude: number, longitude: number, country: string) => number | null;
  /** The kind of every line of a KML/GPX/GeoJSON file; absent: detected per line (geo-reader.ts). */
  routeKind?: RouteKind;
  /** The workspace's own commodities (plain data, so it crosses to the parse worker): with the curated list, what the report's "not in the list" warning checks against. */
  commodities?: readonly WorkspaceCommodityEntry[];
  /** Told `done` of `total` data rows checked, every {@link PROGRESS_ROWS} rows and at the end (an import's progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Streams the valid rows as they are checked instead of returning them: called with batches of
   * at most {@link SEIZURE_BATCH} rows, in file order, after {@link onTable}; the result's
   * `seizures` is then empty (its report still counts them). An import writes the first rows while
   * later ones are still being checked (docs/architecture.md "P3").
   */
  onSeizures?: (batch: ParsedImport['seizures']) => void;
  /** Told once the file is read and its columns planned, before any row is checked (see {@link ParsedTable}). */
  onTable?: (table: ParsedTable) => void;
  /** A preview's parse words its flagged rows as not yet imported (plan.ts {@link ImportStage}); default 'import'. */
  stage?: ImportStage;
}

/**
 * What is known of a file before its rows are checked: enough for an import to decide whether to
 * start writing (the mapping is final) and to plan where the rows go (`rows` bounds their number).
 */
export interface ParsedTable {
  format: ImportFormat;
  headers: string[];
  mappingSource: ParsedImport['mappingSource'];
  /** Data rows (CSV) or features read: an upper bound of the valid rows. */
  rows: number;
  /** The TLP marking the file carries (an export's, shared/domain/tlp-marking.ts), null when none: known before any row is written. */
  tlp: Tlp | null;
}

/** Rows between two {@link ParseImportInput.onProgress} calls. */
export const PROGRESS_ROWS = 2_000;

/** The file cannot be imported: the catalogue sentence `id` (`import.file.*`), which starts with the file's name. */
const failed = (fileName: string, id: MessageId, values: MessageValues = {}) => new NestError('import-failed', { id, values: { fileName, ...values } });

/** KML/GPX property names that are not in the header tables, and their fixed targets. */
const GEO_NAMES: Record<string, ImportTarget> = {
  name: 'commodity', title: 'commodity', description: 'notes', desc: 'notes', cmt: 'notes', timestamp: 'seizureDate', timespan: 'seizureDate', time: 'seizureDate',
  [TIME_OF_DAY.toLowerCase()]: 'notes', [TIME_SPAN_END.toLowerCase()]: 'notes', [KML_IMAGES.toLowerCase()]: 'notes',
};
/** KML/GPX/GeoJSON properties that label a feature (read as the commodity only when there is no commodity data: flagged then). */
const GEO_LABELS: ReadonlySet<string> = new Set(Object.keys(GEO_NAMES).filter((k) => GEO_NAMES[k] === 'commodity'));
/** Built-in KML/GPX properties are read after data properties of the same target (a placemark's name is a commodity only when it has no commodity data). */
const geoPriority = (h: string) => (h.toLowerCase() in GEO_NAMES ? 1 : 0);

/** A complete mapping over `headers` from resolved targets. */
function completeMapping(headers: readonly string[], targets: readonly (ImportTarget | null)[]): ColumnMapping {
  const m: ColumnMapping = {};
  headers.forEach((h, i) => {
    if (!(h in m)) m[h] = targets[i] ?? 'ignore';
  });
  return m;
}

/** The named columns `mapping` leaves out ('ignore'), each once, in file order. */
function unimportedColumns(headers: readonly string[], mapping: ColumnMapping): string[] {
  return [...new Set(headers.filter((h) => h.trim() !== '' && (mapping[h] ?? 'ignore') === 'ignore'))];
}

/** A header row that is really data: at least half its cells are numbers, dates or coordinates. */
function looksLikeData(headers: readonly string[]): boolean {
  const cells = headers.map((h) => h.trim()).filter(Boolean);
  const valueLike = cells.filter((c) => /\d/.test(c) && /^[\d\s.,:;+\-/°'"′″NSEW]+$/i.test(c));
  return cells.length > 0 && valueLike.length * 2 >= cells.length;
}

interface Table {
  headers: string[];
  /** `extra`: a CSV row's non-empty cells past the header, kept in its notes (build-seizure.ts). */
  rows: { line: number; cells: string[]; extra?: ExtraCell[]; location?: GeometryLocation; error?: { column: string; reason: string } }[];
  skippedBlank: number;
  mapping: ColumnMapping;
  mappingSource: ParsedImport['mappingSource'];
  decimalHint: '.' | ',';
  priority?: (h: string) => number;
  warnings: string[];
  /** The TLP marking the file carries, null when none. */
  tlp: Tlp | null;
}

/** A row's non-empty cells past the header's `width` columns, with their positions (from 1). */
function extraCells(cells: readonly string[], width: number): ExtraCell[] {
  const out: ExtraCell[] = [];
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') out.push({ position: i + 1, value: cells[i]! });
  return out;
}

function csvTable(input: ParseImportInput, text: string): Table & { delimiter: string } {
  // An export's TLP marking line is read for its level, then blanked (not cut), so the file's line numbers stay as they are.
  const firstBreak = text.search(/\r?\n/);
  const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const tlp = tlpOfMarking(first);
  const table = readCsv(tlp ? text.slice(first.length) : text);
  if (!table) throw failed(input.fileName, 'import.file.empty');
  const { headers, delimiter } = table;
  if (looksLikeData(headers)) throw failed(input.fileName, 'import.file.no-header', { cells: headers.slice(0, 3).join(delimiter) });
  if (table.rows.length > MAX_IMPORT_ROWS) throw failed(input.fileName, 'import.file.too-many-rows', { kind: 'rows', count: table.rows.length, max: MAX_IMPORT_ROWS });
  const warnings: string[] = [];
  let long = 0;
  let firstLong = 0;
  const rows = table.rows
    .filter((r) => !r.blank)
    .map((r) => {
      // Cells past the header are kept in the row's notes, as other unmapped data is (never dropped silently).
      const extra = extraCells(r.cells, headers.length);
      if (extra.length && !long++) firstLong = r.line;
      return {
        line: r.line,
        cells: headers.map((_, i) => r.cells[i] ?? ''),
        ...(extra.length ? { extra } : {}),
        ...(r.error ? { error: { column: headers[Math.min(r.error.column, headers.length - 1)] ?? '', reason: r.error.reason } } : {}),
      };
    });
  if (long) warnings.push(t('import.warning.extra-cells', { count: long, line: firstLong }));

  let mapping: ColumnMapping;
  let mappingSource: Table['mappingSource'];
  const cells = rows.map((r) => r.cells);
  if (input.mapping) {
    mapping = completeMapping(headers, resolveMapping(headers, input.mapping));
    mappingSource = 'given';
    const missing = Object.keys(input.mapping).filter((k) => input.mapping![k] !== 'ignore' && !headers.includes(k));
    if (missing.length) warnings.push(t('import.warning.mapping-missing-columns', { count: missing.length, columns: missing.join(', ') }));
  } else if (input.rememberedMapping && resolveMapping(headers, input.rememberedMapping).some(Boolean)) {
    mapping = completeMapping(headers, resolveMapping(headers, input.rememberedMapping));
    mappingSource = 'remembered';
  } else if (headers.every((h) => h.trim() === '' || publicColumnTarget(h))) {
    mapping = completeMapping(headers, headers.map(publicColumnTarget));
    mappingSource = 'fixed';
  } else {
    mapping = guessMapping(headers, cells);
    mappingSource = 'guessed';
  }
  if (!input.mapping && input.mapColumns) mapping = overrideMapping(headers, mapping, input.mapColumns);
  return { headers, delimiter, rows, skippedBlank: table.rows.length - rows.length, mapping, mappingSource, decimalHint: delimiter === ';' ? ',' : '.', warnings, tlp };
}

function geoTable(input: ParseImportInput, text: string, format: 'kml' | 'gpx' | 'geojson'): Table & { routes: RouteFields[] } {
  const geo = readGeo(input.fileName, text, format, input.routeKind);
  if (geo.features.length > MAX_IMPORT_ROWS) throw failed(input.fileName, 'import.file.too-many-rows', { kind: 'features', count: geo.features.length, max: MAX_IMPORT_ROWS });
  const { headers } = geo;
  const all = geo.features.map((f) => ({
    line: f.number, cells: headers.map((h) => f.properties[h] ?? ''), location: f.location,
    ...(f.error ? { error: { column: 'geometry', reason: f.error } } : {}),
  }));
  const rows = all.filter((r) => r.error || r.location || r.cells.some((c) => c.trim() !== ''));
  const fixed = completeMapping(headers, headers.map((h) => headerTarget(h) ?? GEO_NAMES[h.toLowerCase()] ?? null));
  const mapping = input.mapping
    ? completeMapping(headers, resolveMapping(headers, input.mapping))
    : input.mapColumns ? overrideMapping(headers, fixed, input.mapColumns) : fixed;
  return {
    headers, rows, routes: geo.routes, skippedBlank: all.length - rows.length, mapping, mappingSource: input.mapping ? 'given' : 'fixed',
    decimalHint: '.', priority: geoPriority, warnings: geo.warnings, tlp: geo.tlp,
  };
}

/** The latitude and longitude columns to swap, when some row was refused because they look swapped. */
function swapSuggestion(plan: ImportPlan, rejected: readonly Rejection[]): { latitude: string; longitude: string } | null {
  const lat = plan.byTarget.get('latitude')?.[0]?.name;
  const lon = plan.byTarget.get('longitude')?.[0]?.name;
  const swapped = t('import.fix.swap-columns');
  return lat && lon && rejected.some((r) => r.fix === swapped) ? { latitude: lat, longitude: lon } : null;
}

/**
 * Reads an import file into seizures, routes and a report (see {@link ParsedImport}). Bad rows
 * never stop good ones: each is listed in `report.rejected`, once per bad field, with `line`
 * (CSV: physical line, header = 1; KML/GPX/GeoJSON: the feature's number from 1 among its kind — placemark, waypoint, feature), `column` (as written
 * in the file, '' when the file has none, 'geometry' for a feature's geometry), `field` (the
 * SeizureField), `value` and `reason`. Blank rows are counted in `skippedBlank`; seizures
 * without coordinates are kept and counted in `unmapped`.
 * @throws NestError('import-failed', '<file>: why') when the whole file is unusable: empty,
 *   larger than {@link MAX_IMPORT_BYTES} or {@link MAX_IMPORT_ROWS}, binary or of another format,
 *   XML/JSON that is not well-formed, or a CSV without a header row.
 */
export function parseImportFile(input: ParseImportInput): ParsedImport {
  const { fileName, bytes } = input;
  if (bytes.length === 0) throw failed(fileName, 'import.file.empty');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new NestError('import-failed', { id: 'service.import.too-large', values: { fileName, size: (bytes.length / 1048576).toFixed(1), limit: MAX_IMPORT_BYTES / 1048576 } });
  }
  refuseBinary(fileName, bytes);
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw failed(fileName, 'import.file.empty');
  requireText(fileName, text);
  const format = detectFormat(fileName, text);
  const table = format === 'csv' ? csvTable(input, text) : geoTable(input, text, format);

  const { plan, warnings: planWarnings } = makePlan(
    table.headers,
    table.rows.map((r) => r.cells),
    table.mapping,
    { dateOrder: input.dateOrder, decimalMarks: input.decimalMarks, defaults: input.defaults, countryAt: input.countryAt, outsideKm: input.outsideKm, decimalHint: table.decimalHint, priority: table.priority, stage: input.stage ?? 'import',
      lines: table.rows.map((r) => r.line),
      ...(format === 'csv' ? {} : { labelColumns: GEO_LABELS, geoFormat: format }) },
  );
  input.onTable?.({ format, headers: table.headers, mappingSource: table.mappingSource, rows: table.rows.length, tlp: table.tlp });
  // The valid rows: returned, or streamed in batches (input.onSeizures); counted either way.
  let seizures: ParsedImport['seizures'] = [];
  let imported = 0;
  let unmapped = 0;
  const unlisted = new UnlistedCommodities(commodityCatalogue(input.commodities ?? []));
  const taxonTally = new TaxonTally();
  const rejected: Rejection[] = [];
  const flagged: Rejection[] = [];
  let rejectedRows = 0;
  const total = table.rows.length;
  let checked = 0;
  for (const row of table.rows) {
    if (input.onProgress && ++checked % PROGRESS_ROWS === 0) input.onProgress(checked, total);
    if (row.error) {
      rejectedRows++;
      rejected.push({ line: row.line, column: row.error.column, field: '', value: '', reason: row.error.reason });
      continue;
    }
    const built = buildSeizure(row.cells, plan, format === 'csv' ? undefined : (row.location ?? null), row.extra);
    if (built.ok) {
      seizures.push(built.review.length ? { line: row.line, fields: built.fields, review: built.review } : { line: row.line, fields: built.fields });
      imported++;
      if (built.fields.latitude === null) unmapped++;
      unlisted.add(built.fields.commodity, row.line);
      taxonTally.add(built.fields, row.line);
      for (const f of built.flags) flagged.push({ line: row.line, ...f });
      if (input.onSeizures && seizures.length >= SEIZURE_BATCH) {
        input.onSeizures(seizures);
        seizures = [];
      }
    }
    else {
      rejectedRows++;
      for (const r of built.rejections) rejected.push({ line: row.line, ...r });
    }
  }
  // Every row is checked: said before the last batch goes, so a file of one batch (under 2,000
  // rows) reads "Checking rows: 59 of 59" before its writing starts, as the CLI and dialog show.
  input.onProgress?.(total, total);
  if (input.onSeizures && seizures.length) {
    input.onSeizures(seizures);
    seizures = [];
  }
  const warnings = [...table.warnings, ...planWarnings];
  // Rows held back because a column's reading is a guess: say so once per column, with the count.
  for (const f of plan.formats) {
    if (f.decidedBy !== 'guess') continue;
    const held = new Set(rejected.filter((r) => r.column === f.column && r.fix !== undefined).map((r) => r.line)).size;
    if (held) warnings.push(t('import.warning.ambiguous-column-rows', { name: f.column, count: held }));
  }
  const unlistedWarning = unlisted.warning();
  if (unlistedWarning) warnings.push(unlistedWarning);
  const taxa = taxonTally.list();
  const taxonWarning = taxonWarnings(taxa);
  for (const w of [taxonWarning.unknown, taxonWarning.undeclared]) if (w) warnings.push(w);
  if (!table.rows.length) warnings.push(t('import.warning.no-data-rows', { format }));
  if (imported && !plan.byTarget.has('sector') && !input.defaults?.sector) warnings.push(t('import.warning.no-sector-column'));
  const routes = 'routes' in table ? table.routes : [];
  return {
    format,
    encoding,
    delimiter: 'delimiter' in table ? table.delimiter : '',
    headers: table.headers,
    mapping: table.mapping,
    mappingSource: table.mappingSource,
    sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    seizures,
    routes,
    unlisted: unlisted.list(),
    taxa,
    report: {
      format,
      imported,
      rejected,
      rejectedRows,
      skippedBlank: table.skippedBlank,
      unmapped,
      routes: routes.length,
      patrolRoutes: routes.filter((r) => r.kind === 'patrol').length,
      warnings,
      flagged,
      swapCoordinates: swapSuggestion(plan, rejected),
      // Named, so a column left out is never a silent loss (tester finding F8).
      unimportedColumns: unimportedColumns(table.headers, table.mapping),
      formats: [...plan.formats],
      // Filled in by the data service, which knows the case (service/import/import-batching.ts).
      sha256: '',
      duplicateRows: 0,
      duplicates: [],
      skippedDuplicates: 0,
      previousImport: null,
      batchId: null,
      fileTlp: table.tlp,
    },
  };
}
