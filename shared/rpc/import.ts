/**
 * RPC methods for importing seizure files (CSV, KML, GeoJSON) into a case and exporting a
 * case's seizures as CSV. Files travel as base64 so the data service can detect their encoding.
 */
import type { Rejection as CsvRejection } from '../csv';
import { z } from 'zod';
import { method } from './define';
import { bulkParams } from './seizure-edits';
import { caseFieldsSchema } from '../domain/case';
import { ROUTE_KINDS } from '../domain/route';
import { TLP_MARKINGS } from '../domain/codes';

/** Fields a source column can be mapped to: a seizure field, a combined column, or ignored. */
export const IMPORT_TARGETS = [
  'seizureDate',
  'datePrecision',
  'country',
  'place',
  'latitude',
  'longitude',
  'coordinates',
  'locationPrecision',
  'sector',
  'commodity',
  'taxon',
  'citesAppendix',
  'quantity',
  'unit',
  'quantityWithUnit',
  'originCountries',
  'exportCountries',
  'transitCountries',
  'missedTransitCountries',
  'destinationCountries',
  'seizingAgencies',
  'concealmentMethod',
  'transportMode',
  'detectionMethod',
  'reportedValue',
  'reportedCurrency',
  'operation',
  'sourceUrl',
  'sourceTitle',
  'notes',
  /** The review flags an exported file carries (its `review_flags` column, JSON): kept open on the imported seizure. */
  'reviewFlags',
  'ignore',
] as const;
/** One import target. */
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Column name → target. Columns missing from the mapping are ignored. */
export const columnMappingSchema = z.record(z.string(), z.enum(IMPORT_TARGETS));
/** Column name → target. */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** An import request: the target case, the file, and an optional mapping chosen by the user. */
export const importRequestSchema = z.object({
  workspaceId: z.string().uuid(),
  caseId: z.string().uuid(),
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(90_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (the file bytes)'),
  mapping: columnMappingSchema.optional(),
  /**
   * Columns mapped on top of the remembered, fixed or guessed mapping (the CLI's `--map`): only
   * the named columns change, every other keeps its mapping; ignored when `mapping` is given.
   */
  mapColumns: columnMappingSchema.optional(),
  /** Day-month order of ambiguous slash dates like 03/04/2019. */
  dateOrder: z.enum(['DMY', 'MDY']).optional(),
  /** The user's decimal mark per numeric column (column name → '.' or ','), for columns whose cells do not prove it. */
  decimalMarks: z.record(z.string(), z.enum(['.', ','])).optional(),
  /** Import a file whose SHA-256 matches a live import of this case (refused without it: `import.already-imported`). */
  allowReimport: z.boolean().optional(),
  /**
   * Import a file whose TLP marking (report `fileTlp`) is stricter than the case's, its rows then
   * shared as the case's level (refused without it: `import.tlp-stricter`).
   */
  acceptTlp: z.boolean().optional(),
  /** Import rows that match seizures already in the case (or earlier rows of the file); by default they are left out. */
  keepDuplicates: z.boolean().optional(),
  /** The kind of every line in the file (patrol track or suspected trafficking route); absent: as detected (geo-reader.ts). */
  routeKind: z.enum(ROUTE_KINDS).optional(),
  /**
   * The caller's id for this run (a fresh UUID per preview or commit), so that `import.abort` can
   * stop it and its `import.progress` events can be told apart; absent: the run cannot be stopped.
   */
  importId: z.string().uuid().optional(),
});
/** An import request. */
export type ImportRequest = z.infer<typeof importRequestSchema>;

/**
 * An import into a new case: the request without a case (and without `allowReimport`: a new case
 * has no earlier import; without `acceptTlp`: a new case takes the file's TLP marking when it is
 * stricter than a new case's default), the new case's title and sector, and `dryRun` to only report.
 */
export const newCaseImportSchema = importRequestSchema.omit({ caseId: true, allowReimport: true, acceptTlp: true }).extend({
  newCase: caseFieldsSchema.pick({ title: true, sector: true }),
  dryRun: z.boolean().optional(),
});
/** An import into a new case. */
export type NewCaseImportRequest = z.infer<typeof newCaseImportSchema>;

/** One rejected row: `line` counts the header as line 1 (CSV), or is the feature's number from 1 among its kind (KML placemark, GPX waypoint, GeoJSON feature). */
export const rejectionSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  field: z.string(),
  value: z.string(),
  reason: z.string(),
  fix: z.string().optional(),
});
/** One rejected row: the shared CSV rejection (shared/csv) plus the seizure field it was meant for. */
export type Rejection = z.infer<typeof rejectionSchema> & CsvRejection;

/** A cell named as a rejection names it: its line (CSV) or feature number, and its text as written. */
export const cellRefSchema = z.object({ line: z.number().int(), value: z.string() });
/** See {@link cellRefSchema}. */
export type CellRef = z.infer<typeof cellRefSchema>;
/** Another number or coordinate column of the file whose cells show one decimal mark, with its first cell that shows it. */
export const otherColumnMarkSchema = cellRefSchema.extend({ column: z.string(), mark: z.enum(['.', ',']) });
/** See {@link otherColumnMarkSchema}. */
export type OtherColumnMark = z.infer<typeof otherColumnMarkSchema>;

/**
 * Why a number column's decimal mark is a guess (service/import/numbers.ts `inferNumberFormat`,
 * the one place it is decided) — its cells that depend on the mark ("1.250", "1,274") are then
 * held back with both readings until the user chooses:
 * - 'none': no cell shows the mark;
 * - 'mixed': cells show both marks (`point` and `comma`: the first of each);
 * - 'file': the cells that show the column's mark (`shown`, the first being `first`) are no more
 *   than the cells that depend on it, and the file says otherwise: another number or coordinate
 *   column shows only the other mark (`other`), or, when none shows any, the file's delimiter
 *   hints at it (`other` null; `hint`: ',' for a ';'-separated file);
 * - 'currencies': the column's rows are in several currencies (named in the cell or in the
 *   currency column): values copied from sources of different locales, so one value's mark does
 *   not decide another's.
 */
export const markDoubtSchema = z.discriminatedUnion('why', [
  z.object({ why: z.literal('none') }),
  z.object({ why: z.literal('mixed'), point: cellRefSchema, comma: cellRefSchema }),
  z.object({ why: z.literal('file'), mark: z.enum(['.', ',']), shown: z.number().int(), first: cellRefSchema, other: otherColumnMarkSchema.nullable(), hint: z.enum(['.', ',']) }),
  z.object({ why: z.literal('currencies'), currencies: z.array(z.string()) }),
]);
/** See {@link markDoubtSchema}. */
export type MarkDoubt = z.infer<typeof markDoubtSchema>;

/**
 * How the importer read one numeric, date or coordinate column, shown in the preview as a line
 * ("Quantity: comma decimal, dot thousands — from 412 values"). `decidedBy` 'guess' means some
 * cells (listed in `ambiguous`) read differently under another choice: their rows are held back
 * (rejected with a fix) until the user chooses (`decimalMarks`, `dateOrder`) or fixes the file.
 */
export const columnFormatSchema = z.object({
  column: z.string(),
  kind: z.enum(['number', 'date', 'coordinate']),
  decimalMark: z.enum(['.', ',']).optional(),
  thousands: z.enum(['dot', 'comma', 'space', 'apostrophe']).nullable().optional(),
  dateOrder: z.enum(['DMY', 'MDY']).optional(),
  decidedBy: z.enum(['cells', 'choice', 'guess']),
  /** Non-empty cells looked at. */
  values: z.number().int(),
  /** Up to 5 cells whose reading depends on the guess. */
  ambiguous: z.array(z.string()),
  /** The catalogue sentence describing the decision. */
  summary: z.string(),
  /** A number column whose mark is a guess (`decidedBy` 'guess'): why (see {@link markDoubtSchema}). */
  markDoubt: markDoubtSchema.optional(),
  /**
   * A date column holding cells that read only day first and cells that read only month first
   * (13/04/2019 and 04/13/2019): the first of each, with its line as a rejection names it. Until
   * the user chooses the order, the column is a guess (`decidedBy` 'guess').
   */
  mixedOrders: z.object({ dayFirst: z.object({ line: z.number().int(), value: z.string() }), monthFirst: z.object({ line: z.number().int(), value: z.string() }) }).optional(),
});
/** How one column was read. */
export type ColumnFormat = z.infer<typeof columnFormatSchema>;

/**
 * An incoming row that matches a seizure already in the case (`existingId`, `what` describing it)
 * or an earlier row of the same file (`earlierLine`): same date, place, commodity and quantity
 * (shared/domain/seizure-match.ts).
 */
export const duplicateRowSchema = z.object({
  line: z.number().int(),
  existingId: z.string().nullable(),
  earlierLine: z.number().int().nullable(),
  /** The matched seizure as a person reads it ("ivory, 12 kg, 2019-03-11, Mombasa"), '' for an earlier row. */
  what: z.string(),
});
/** A row that matches an existing seizure or an earlier row. */
export type DuplicateRow = z.infer<typeof duplicateRowSchema>;

/** A live (not undone) import of the same file (same SHA-256) into this case. */
export const previousImportSchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  /** ms since epoch. */
  at: z.number().int(),
  /** The importing member's id and name ('' when unknown). */
  by: z.string(),
  byName: z.string(),
  seizures: z.number().int(),
});
/** A live import of the same file. */
export type PreviousImport = z.infer<typeof previousImportSchema>;

/** Most duplicate rows listed one by one in a report (`duplicateRows` counts them all). */
export const MAX_LISTED_DUPLICATES = 200;

/** The outcome of an import (or of its dry run in a preview). */
export const importReportSchema = z.object({
  format: z.enum(['csv', 'kml', 'gpx', 'geojson']),
  imported: z.number().int(),
  rejected: z.array(rejectionSchema),
  /** Row count rejected (a row with several bad fields is one row, listed once per field in `rejected`). */
  rejectedRows: z.number().int(),
  skippedBlank: z.number().int(),
  unmapped: z.number().int(),
  routes: z.number().int(),
  /** Of those, how many are patrol tracks (the rest are suspected trafficking routes); absent in reports of older versions. */
  patrolRoutes: z.number().int().optional(),
  warnings: z.array(z.string()),
  /** Imported rows with a doubt the user should check (e.g. a point outside the seizing country), with a fix. */
  flagged: z.array(rejectionSchema),
  /** The file's named columns the mapping leaves out (nothing of them is imported); absent in reports of older versions. */
  unimportedColumns: z.array(z.string()).optional(),
  /** Set when rows were refused because the latitude and longitude columns look swapped: the two columns to swap. */
  swapCoordinates: z.object({ latitude: z.string(), longitude: z.string() }).nullable(),
  /** How each numeric, date and coordinate column was read (see {@link columnFormatSchema}). */
  formats: z.array(columnFormatSchema),
  /** SHA-256 of the file as received (hex), '' before the data service has seen the bytes. */
  sha256: z.string(),
  /** Rows matching existing seizures or earlier rows: all counted, the first {@link MAX_LISTED_DUPLICATES} listed. */
  duplicateRows: z.number().int(),
  duplicates: z.array(duplicateRowSchema),
  /** Of those, how many were left out of the import (0 in a preview, or with `keepDuplicates`). */
  skippedDuplicates: z.number().int(),
  /** The first live import of the same file into this case, if any. */
  previousImport: previousImportSchema.nullable(),
  /** The batch the import was logged as (null in a preview, or when nothing was written). */
  batchId: z.string().nullable(),
  /**
   * The TLP marking the file carries (an export's: the CSV's first line, the GeoJSON's `tlp`, the
   * KML Document's name; shared/domain/tlp-marking.ts); null or absent when it carries none.
   */
  fileTlp: z.enum(TLP_MARKINGS).nullable().optional(),
  /**
   * Set when `fileTlp` is stricter than the target case's TLP: the catalogue sentence saying so
   * ("This file is marked TLP:RED; case … is TLP:AMBER: …"). The preview shows it with a choice;
   * the commit refuses such a file unless the request has `acceptTlp`.
   */
  tlpConflict: z.string().nullable().optional(),
  /**
   * In a preview: why the commit would refuse this import as it stands (e.g. the case would pass
   * its seizure limit), a sentence from the catalogue; absent or null when it would import. The
   * dialog and the CLI's dry run show it instead of promising rows.
   */
  refusal: z.string().nullable().optional(),
  /**
   * Set when the import was stopped (`import.abort`) while writing, after some seizures were
   * written: `written` seizures are in the case (`imported` says the same), of the `planned`
   * ones, logged as batch `batchId` in state 'cancelled' — kept unless the user undoes it
   * (`import.undo`). Absent or null: the import ran to its end. `throughLine`: the file line
   * (as `line` in `rejected`) of the last row written — every
   * good row up to it was written, none after, so a resumed import starts after it. The report's
   * other counts (`unmapped`, `flagged`) then describe the written rows only.
   */
  cancelled: z.object({ written: z.number().int(), planned: z.number().int(), throughLine: z.number().int().nullable().optional() }).nullable().optional(),
});
/** The outcome of an import. */
export type ImportReport = z.infer<typeof importReportSchema>;

/** What the import dialog shows before committing. */
export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'kml', 'gpx', 'geojson']),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: columnMappingSchema,
  mappingSource: z.enum(['given', 'remembered', 'guessed', 'fixed']),
  sampleRows: z.array(z.array(z.string())),
  report: importReportSchema,
});
/** What the import dialog shows before committing. */
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The phases of an import that report progress (see {@link ImportProgress}). */
export const importProgressPhases = ['reading', 'writing'] as const;

/**
 * Progress of a long import, pushed as the `import.progress` event about ten times a second:
 * `reading` while the parse worker checks the rows (`done` of `total` data rows), `writing` while
 * the seizures are written into the case doc and its volumes (`done` of `total` seizures).
 * `rowsPerSecond` is the phase's recent rate (over about the last 3 s; 0 at its start). `caseId` is null for an
 * import into a case the import creates; `fileName` tells two imports apart.
 */
export interface ImportProgress {
  workspaceId: string;
  /** The request's `importId`, when it gave one. */
  importId?: string;
  caseId: string | null;
  fileName: string;
  phase: (typeof importProgressPhases)[number];
  done: number;
  total: number;
  rowsPerSecond: number;
}

/** Undoing an import (its seizures in the case doc and in every volume): the case and the batch; `dryRun` only counts. */
export const importUndoSchema = z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid(), batchId: z.string().uuid(), dryRun: z.boolean().optional() });

/**
 * Stopping a running import (or preview) of this data service: the run the caller named with
 * `importId` in its request.
 */
export const importAbortSchema = z.object({ workspaceId: z.string().uuid(), importId: z.string().uuid() });

/**
 * What `import.abort` found: 'stopping' — the run stops at its next safe point (between two
 * transactions; its own call then answers: nothing written → NestError('cancelled'), some written
 * → a report with `cancelled`); 'not-running' — no run has that id (it ended, or never started).
 */
export const importAbortResultSchema = z.object({ state: z.enum(['stopping', 'not-running']) });

export const importRpc = {
  'import.preview': method(importRequestSchema, importPreviewSchema, 'Reads a file and dry-runs the import with the given or a guessed column mapping.', 'case.read'),
  'import.commit': method(importRequestSchema, importReportSchema, 'Imports the good rows into the case in one transaction and reports the bad ones.', 'seizures.import'),
  'import.newCase': method(
    newCaseImportSchema,
    z.object({ report: importReportSchema, case: z.object({ id: z.string().uuid(), number: z.string(), title: z.string() }).nullable() }),
    'Imports a file into a case it creates, in one transaction, only when at least one row or route imports (so a failed import leaves no empty case); with dryRun it creates nothing and reports what would be imported.',
    'case.create',
  ),
  'import.undo': method(
    importUndoSchema,
    z.object({
      seizures: z.number().int(),
      routes: z.number().int(),
      edited: z.number().int(),
      alreadyDeleted: z.number().int(),
      moved: z.array(z.object({ caseNumber: z.string(), count: z.number().int() })),
    }),
    'Undoes an import as one step: its live seizures (case doc and every volume) and routes marked deleted, the undo and one audit entry in the case doc; the counts say what was marked now and, apart, how many of its seizures had been deleted before and how many moved to which other case (the undo leaves both). With dryRun it writes nothing and returns the same counts.',
    'seizures.import',
  ),
  'import.abort': method(
    importAbortSchema,
    importAbortResultSchema,
    'Stops a running import or preview at its next safe point: a parse in the worker is ended at once; a write stops between two transactions, and what was written stays as a batch in state cancelled (undoable as one step), with an import.cancel audit entry.',
    'workspace.read',
  ),
  'seizures.move': method(
    bulkParams({ toCaseId: z.string().uuid() }),
    z.object({ moved: z.number().int(), toCaseNumber: z.string() }),
    'Moves seizures (by id, or every one matching the table\'s filter but some: `matching`) to another case: copied there with their source noted, marked deleted here; both cases audited.',
    'case.edit',
  ),
  'export.seizuresCsv': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    z.object({ fileName: z.string(), content: z.string() }),
    'The case’s seizures as CSV (the public data set’s columns), with formula-like cells neutralised.',
    'seizures.export',
  ),
  'export.caseGeoJson': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    z.object({ fileName: z.string(), content: z.string() }),
    'The case’s seizures (Points) and routes (LineStrings) as GeoJSON, with the TLP marking inside and in the file name.',
    'seizures.export',
  ),
  'export.caseKml': method(
    z.object({ workspaceId: z.string().uuid(), caseId: z.string().uuid() }),
    z.object({ fileName: z.string(), content: z.string() }),
    'The case’s seizures and routes as KML 2.2, with the TLP marking in the document’s name and description and in the file name.',
    'seizures.export',
  ),
} as const;
