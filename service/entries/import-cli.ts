/**
 * `npm run import -- <file> (--workspace <name|id> | --new-workspace <name>) (--case <number|id> | --new-case <title>)`
 * `npm run import -- --stix <bundle.json> --workspace <name|id>` (a STIX 2.1 bundle as a new case)
 *
 * Imports a seizure file (CSV, KML, KMZ, GPX, GeoJSON) into a case from the command line, with the
 * same code as the app's import dialog, and prints the report: imported rows, rejected rows
 * (line, column, reason), skipped blank rows, unmapped seizures, routes. Either every good row is
 * imported or nothing is. A new case is created together with its rows (`import.newCase`), so a
 * failed import leaves no empty case; `--dry-run` works for a new case too and creates nothing.
 * Exit code 0 on success (even with some rows rejected), 1 on failure, including when every row
 * was rejected. A long import shows its progress (rows checked, then seizures written: percentage
 * and rows per second) on one line rewritten in place on a terminal, or as a line per tenth in a
 * log; the peak memory of the run is printed last (not after --help). A file that is not text
 * (control characters or zero bytes: the parse's own check, text-check.ts, as in the app's dialog)
 * is refused before anything is opened; a long
 * value in a rejected row is cut to its first 80 characters (shared/messages/quote-value.ts). A failure prints one sentence: its error, then what to do about it (a re-import: the one flag that allows it).
 *
 * Ctrl-C (SIGINT) during an import stops it at its next safe point (`import.abort`: the parse
 * worker is ended, or the writing stops between two volume transactions), prints what was written
 * and the command that undoes it (`--undo BATCH`), and exits 130; one Ctrl-C is enough, a second
 * one only repeats that the import is stopping (it never cuts a transaction in half). A stopped
 * `--new-case` or `--dry-run` leaves no case behind.
 *
 * A file whose TLP marking (an export's) is stricter than the case's is refused, naming both
 * levels, unless --accept-tlp says its rows may be shared as the case's; a --new-case takes the
 * file's level (service/import/file-tlp.ts).
 * `--map COL=FIELD` changes the named columns only (the others keep their remembered, standard or
 * guessed mapping: `mapColumns`); a `--map` or `--decimal-mark` naming a column the file lacks, a
 * folder given as the file, an `--undo` id that is not a UUID, an empty `--new-case` title and a
 * file with no data rows are refused with one sentence, before anything is opened. A stopped
 * import's report starts by saying so and counts the rows written only (tester findings F8–F10).
 *
 * It never imports on a guess: when a column's reading depends on a choice its cells do not make
 * (a decimal mark for "1.250", a day-month order for "03/04/2019", a hemisphere for an unlettered
 * coordinate among S/W ones) it refuses before touching the data folder, naming the column, its
 * ambiguous values and the option that decides (--decimal-mark, --date-order).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../node/log';
import { DataService } from '../data-service';
import { loadPassphraseDataKey } from '../keys/cli-key';
import { defaultDataDir } from '../../node/fs/data-dir';
import { checkDataFolder } from './data-folder-check';
import { IMPORT_TARGETS, type ColumnMapping, type ImportTarget } from '../../shared/rpc/import';
import { CRIME_SECTORS, type CrimeSector, type Tlp } from '../../shared/domain/codes';
import { NestError } from '../../shared/errors';
import { quoteValue, t } from '../../shared/messages';
import { parseImportFile } from '../import';
import { markDoubtText } from '../import/numbers';
import { namedColumn } from '../import/plan';
import { unpackImport } from '../import/unpack';
import { reclaimMemory } from '../import/reclaim-memory';
import type { ColumnFormat, ImportProgress, ImportReport } from '../../shared/rpc/import';
import { importProgressText, percentOf, undoneSentence } from '../../shared/domain/import-progress';
import { duplicateNote } from '../../shared/domain/duplicate-note';
import { randomUUID } from 'node:crypto';

/** An import (batch) id: a UUID, as `import.undo` takes it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells expect. */
const EXIT_STOPPED = 130;

/**
 * Turns Ctrl-C into `import.abort` for the import `importId` of `workspaceId` while `run` runs
 * (see the module comment). A run stopped before it wrote anything rejects with
 * NestError('cancelled'), marked to exit 130.
 */
async function stoppable<T>(service: DataService, workspaceId: string, importId: string, run: () => Promise<T>): Promise<T> {
  let stopped = false;
  const onSigint = (): void => {
    // Said on stderr, so the report on stdout stays clean for scripts.
    console.error(t('import.cli.stopping'));
    if (stopped) return;
    stopped = stopAsked = true;
    void service.invoke('import.abort', { workspaceId, importId });
  };
  process.on('SIGINT', onSigint);
  try {
    return await run();
  } catch (err) {
    // Stopped before anything was written: the service's message says so; the exit code says stopped.
    if (stopped && err instanceof NestError && err.code === 'cancelled') exitCodes.set(err, EXIT_STOPPED);
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Set once Ctrl-C asked the import to stop: a run that still completes says the stop came too late. */
let stopAsked = false;

/** Exit codes other than 1 for an error thrown out of main (a stopped import: 130). */
const exitCodes = new WeakMap<object, number>();

/**
 * Prints an import's progress: on a terminal one line rewritten in place; otherwise (a log, a
 * pipe) a line at every tenth of a phase and at its end. Returns `say`, which prints a line of
 * its own while the progress runs (the in-place line is ended first: tester B2 saw "Created
 * case …" glued to the bar), and `end`, which stops it and ends the in-place line.
 */
function printProgress(service: DataService, fileName: string): { say: (line: string) => void; end: () => void } {
  const tty = process.stdout.isTTY === true;
  let open = false;
  const breakLine = (): void => {
    if (open) process.stdout.write('\n');
    open = false;
  };
  const lastTenth = new Map<ImportProgress['phase'], number>();
  const off = service.onEvent('import.progress', (p) => {
    if (p.fileName !== fileName) return;
    if (tty) {
      process.stdout.write(`\r${importProgressText(p)}\x1b[K`);
      open = true;
      return;
    }
    const tenth = Math.floor(percentOf(p.done, p.total) / 10);
    if (tenth === lastTenth.get(p.phase)) return;
    lastTenth.set(p.phase, tenth);
    console.log(importProgressText(p));
  });
  return {
    say: (line) => {
      breakLine();
      console.log(line);
    },
    end: () => {
      off();
      breakLine();
    },
  };
}

/** The usage text (the catalogue's), with the sectors and the fields --map takes. */
const help = (): string => t('import.cli.usage', { sectors: CRIME_SECTORS.join(', '), fields: IMPORT_TARGETS.join(', ') });

/** Parses the repeatable `--map COL=FIELD` options (the columns to map on top of the file's own mapping). @throws Error on a malformed item. */
function parseMapping(items: string[]): ColumnMapping | undefined {
  if (!items.length) return undefined;
  const out: ColumnMapping = {};
  for (const item of items) {
    const eq = item.lastIndexOf('=');
    const col = item.slice(0, eq);
    const field = item.slice(eq + 1) as ImportTarget;
    if (eq <= 0 || !IMPORT_TARGETS.includes(field)) throw new Error(t('import.cli.bad-map', { item, fields: IMPORT_TARGETS.join(', ') }));
    out[col] = field;
  }
  return out;
}

/** Parses the repeatable `--decimal-mark COL=MARK` options. @throws Error on a malformed item. */
function parseDecimalMarks(items: string[]): Record<string, '.' | ','> | undefined {
  if (!items.length) return undefined;
  const out: Record<string, '.' | ','> = {};
  for (const item of items) {
    const eq = item.lastIndexOf('=');
    const mark = item.slice(eq + 1);
    if (eq <= 0 || (mark !== '.' && mark !== ',')) throw new Error(t('import.cli.bad-decimal-mark', { item }));
    out[item.slice(0, eq)] = mark;
  }
  return out;
}

/**
 * The columns `--map` and `--decimal-mark` name, checked against the file's `headers` (matched as
 * the mapping matches them, plan.ts {@link namedColumn}); the decimal marks keyed by the file's
 * own column names, as the plan looks them up.
 * @throws Error naming the option, the missing column and the file's columns.
 */
function checkNamedColumns(fileName: string, headers: readonly string[], mapItems: readonly string[], decimalMarks: Record<string, '.' | ','> | undefined): Record<string, '.' | ','> | undefined {
  const named = (option: string, item: string, column: string): string => {
    const found = namedColumn(headers, column);
    if (found === null) throw new Error(t('import.cli.no-such-column', { option, item, fileName, column, columns: headers.filter((h) => h.trim() !== '').map((h) => `"${h}"`).join(', ') || 'none' }));
    return found;
  };
  for (const item of mapItems) named('--map', item, item.slice(0, item.lastIndexOf('=')));
  if (!decimalMarks) return undefined;
  const out: Record<string, '.' | ','> = {};
  for (const [column, mark] of Object.entries(decimalMarks)) out[named('--decimal-mark', `${column}=${mark}`, column)] = mark;
  return out;
}

/** The refusal for a column whose reading is a guess, from the catalogue. */
function refusal(f: ColumnFormat): string {
  const values = { column: f.column, examples: f.ambiguous.map((v) => `'${v}'`).join(', ') };
  if (f.kind === 'number') return t('import.cli.refuse-number', { ...values, why: f.markDoubt?.why ?? 'none', doubt: f.markDoubt ? markDoubtText(f.markDoubt) : '' });
  const mixed = f.mixedOrders;
  if (f.kind === 'date' && mixed) {
    return t('import.cli.refuse-date-mixed', { column: f.column, dayLine: mixed.dayFirst.line, dayValue: mixed.dayFirst.value, monthLine: mixed.monthFirst.line, monthValue: mixed.monthFirst.value });
  }
  if (f.kind === 'date') return t('import.cli.refuse-date', values);
  return t('import.cli.refuse-hemisphere', values);
}

/** Opens the data service of `dataDir` and finds workspace `wanted` (name, id or "demo"). @throws Error when it is not there. */
async function openWorkspace(dataDir: string, wanted: string): Promise<{ service: DataService; ws: { id: string; name: string } }> {
  checkDataFolder(dataDir, false);
  const dataKey = await loadPassphraseDataKey(dataDir);
  const service = DataService.open({ dataDir, mode: 'browser', logger: createLogger('import', process.env.NEST_LOG_LEVEL ?? 'warn'), dataKey });
  try {
    return { service, ws: await findWorkspace(service, wanted) };
  } catch (err) {
    service.close();
    throw err;
  }
}

/** `--stix`: the bundle in `file` becomes a new case; prints what was imported and every object that was not. */
async function importStix(file: string, workspace: string, dataDir: string): Promise<number> {
  const { service, ws } = await openWorkspace(dataDir, workspace);
  try {
    const report = await service.invoke('cases.importStix', { workspaceId: ws.id, fileName: path.basename(file), content: fs.readFileSync(file, 'utf8') });
    console.log(t('import.cli.stix-created', { number: report.number, fileName: path.basename(file), seizures: report.seizures, entities: report.entities, links: report.links }));
    if (report.rejected.length) console.log(t('import.cli.stix-not-imported', { count: report.rejected.length }));
    for (const r of report.rejected) console.log(t('import.cli.stix-row', { id: r.id, type: r.type, reason: r.reason }));
    return 0;
  } finally {
    service.close();
  }
}

/** Finds workspace `wanted` (name, id or "demo") in an open service. @throws Error when it is not there. */
async function findWorkspace(service: DataService, wanted: string): Promise<{ id: string; name: string }> {
  const workspaces = await service.invoke('workspaces.list', {});
  const w = wanted.toLowerCase();
  const ws = workspaces.find((x) => x.id === wanted || x.name.toLowerCase() === w || (w === 'demo' && x.demo));
  if (!ws) throw new Error(t('import.cli.no-such-workspace', { name: wanted, known: workspaces.map((x) => `"${x.name}"`).join(', ') || 'none' }));
  return ws;
}

/**
 * `--new-workspace`: creates the workspace (the local identity is its admin), first creating the
 * identity from `--member-name`/`--agency` on a machine where the app was never set up. On a dry
 * run nothing is created and a placeholder stands for the workspace.
 * @throws Error naming the missing option or the clashing name; NestError('validation') for a bad prefix or currency.
 */
async function newWorkspace(
  service: DataService,
  o: { name: string; casePrefix: string | undefined; currency: string | undefined; memberName: string | undefined; agency: string | undefined; dryRun: boolean },
): Promise<{ id: string; name: string }> {
  const existing = await service.invoke('workspaces.list', {});
  if (existing.some((w) => w.name.toLowerCase() === o.name.toLowerCase())) throw new Error(t('import.cli.workspace-exists', { name: o.name }));
  const identity = await service.invoke('identity.get', {});
  if (!identity && (!o.memberName || !o.agency)) throw new Error(t('import.cli.no-identity'));
  const settings = { name: o.name, casePrefix: o.casePrefix ?? 'NEST', reportingCurrency: (o.currency ?? 'USD').toUpperCase() };
  if (o.dryRun) {
    console.log(t('import.cli.would-create-workspace', { name: settings.name, prefix: settings.casePrefix, currency: settings.reportingCurrency }));
    return { id: '00000000-0000-4000-8000-000000000000', name: settings.name };
  }
  if (!identity) await service.invoke('identity.create', { name: o.memberName!, agency: o.agency!, role: 'admin' });
  const ws = await service.invoke('workspaces.create', settings);
  console.log(t('import.cli.created-workspace', { name: ws.name, prefix: ws.casePrefix }));
  return ws;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      'new-workspace': { type: 'string' },
      'case-prefix': { type: 'string' },
      currency: { type: 'string' },
      'member-name': { type: 'string' },
      agency: { type: 'string' },
      case: { type: 'string' },
      'new-case': { type: 'string' },
      sector: { type: 'string' },
      map: { type: 'string', multiple: true },
      'date-order': { type: 'string' },
      'decimal-mark': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      'allow-reimport': { type: 'boolean' },
      'accept-tlp': { type: 'boolean' },
      'keep-duplicates': { type: 'boolean' },
      stix: { type: 'boolean' },
      'data-dir': { type: 'string' },
      undo: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.undo !== undefined && !values.help) {
    if (!values.workspace || !values.case || positionals.length) throw new Error(t('import.cli.undo-needs'));
    if (!UUID.test(values.undo)) throw new Error(t('import.cli.not-an-import-id', { batchId: values.undo }));
    return undoBatch(values.undo, values.workspace, values.case, values['data-dir'] ?? defaultDataDir());
  }
  if (values.help || positionals.length === 0) {
    // Nothing was read or imported: the usage alone, without the peak-memory line of a run.
    console.log(help());
    process.exit(values.help ? 0 : 1);
  }
  if (positionals.length > 1) throw new Error(t('import.cli.one-file', { count: positionals.length, files: positionals.join(', ') }));
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file)) throw new Error(t('import.cli.no-such-file', { file }));
  if (fs.statSync(file).isDirectory()) throw new Error(t('import.cli.is-folder', { path: file }));
  if (!values.workspace === !values['new-workspace']) throw new Error(t('import.cli.one-workspace'));
  if (values.stix) {
    if (!values.workspace) throw new Error(t('import.cli.stix-needs-workspace'));
    return importStix(file, values.workspace, values['data-dir'] ?? defaultDataDir());
  }
  if ((values.case === undefined) === (values['new-case'] === undefined)) throw new Error(t('import.cli.one-case'));
  if (values['new-case'] !== undefined && values['new-case'].trim() === '') throw new Error(t('import.cli.new-case-title'));
  if (values['new-workspace'] && values.case) throw new Error(t('import.cli.new-workspace-no-cases'));
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'DMY' && dateOrder !== 'MDY') throw new Error(t('import.cli.bad-date-order', { value: dateOrder }));
  const sector = (values.sector ?? 'wildlife') as CrimeSector;
  if (!CRIME_SECTORS.includes(sector)) throw new Error(t('import.cli.bad-sector', { sectors: CRIME_SECTORS.join(', '), value: sector }));
  // Only the columns named change; every other keeps its remembered, standard or guessed mapping (tester finding F8).
  const mapColumns = parseMapping(values.map ?? []);
  const dryRun = values['dry-run'] === true;
  const bytes = fs.readFileSync(file);

  // Refuse to guess, before anything is opened or created: the column decisions do not depend on the case.
  // A file that is not text (an image, a workbook, random bytes) is refused here by the parse's own check (text-check.ts).
  // This check writes nothing: its flagged rows, when printed (a dry run into a new workspace), "will be imported".
  const givenMarks = parseDecimalMarks(values['decimal-mark'] ?? []);
  let check = await checkFile(path.basename(file), bytes, mapColumns, givenMarks, dateOrder as 'DMY' | 'MDY' | undefined);
  // A column an option names must be in the file: a typo never passes as "no such column, nothing to do".
  const decimalMarks = checkNamedColumns(path.basename(file), check.headers, values.map ?? [], givenMarks);
  // A decimal mark given under another spelling of its column's name ("Value" for "value"): checked again under the file's.
  if (decimalMarks && Object.keys(decimalMarks).some((k) => !givenMarks || !(k in givenMarks))) {
    check = await checkFile(path.basename(file), bytes, mapColumns, decimalMarks, dateOrder as 'DMY' | 'MDY' | undefined);
  }
  // The check's parsed rows are garbage now: collect them before the service parses the file again, so it reuses their heap.
  reclaimMemory();
  const guesses = check.report.formats.filter((f) => f.decidedBy === 'guess');
  if (guesses.length) {
    for (const f of guesses) console.error(refusal(f));
    return 1;
  }
  // No data row at all (whatever the mapping): the same refusal into a new case or an existing one, before anything is opened.
  if (check.report.imported === 0 && check.report.rejectedRows === 0 && check.report.routes === 0) {
    throw new Error(t('import.cli.nothing-to-import', { fileName: path.basename(file), format: check.report.format, newCase: values['new-case'] !== undefined && !dryRun ? 'yes' : 'no' }));
  }

  const dataDir = values['data-dir'] ?? defaultDataDir();
  // Only setting up a new workspace may start from a missing or empty folder.
  checkDataFolder(dataDir, Boolean(values['new-workspace']));
  const dataKey = await loadPassphraseDataKey(dataDir);
  const service = DataService.open({ dataDir, mode: 'browser', logger: createLogger('import', process.env.NEST_LOG_LEVEL ?? 'warn'), dataKey });
  try {
    const ws = values['new-workspace']
      ? await newWorkspace(service, { name: values['new-workspace'], casePrefix: values['case-prefix'], currency: values.currency, memberName: values['member-name'], agency: values.agency, dryRun })
      : await findWorkspace(service, values.workspace!);
    const progress = printProgress(service, path.basename(file));
    const importId = randomUUID();
    const common = {
      workspaceId: ws.id, fileName: path.basename(file), contentBase64: bytes.toString('base64'), mapColumns, decimalMarks, dateOrder: dateOrder as 'DMY' | 'MDY' | undefined,
      keepDuplicates: values['keep-duplicates'], importId,
    };
    // The case's number, for the undo command a stopped import prints, and its TLP (a file marked stricter is refused without --accept-tlp).
    let caseNumber = '';
    let caseTlp: Tlp | null = null;
    let report: ImportReport;
    /** A new case's import that had no row to import: thrown after the rejected rows are printed. */
    let nothingImported: NestError | null = null;
    try {
      report = await stoppable(service, ws.id, importId, async (): Promise<ImportReport> => {
        if (dryRun && values['new-workspace']) {
          // Nothing exists yet to check against: the file's own check is the whole report.
          progress.say(t('import.cli.would-create-case', { title: values['new-case'] ?? '' }));
          return check.report;
        }
        if (values['new-case']) {
          // One step: the case exists only if its rows were imported (a dry run creates nothing).
          const r = await service.invoke('import.newCase', { ...common, newCase: { title: values['new-case'], sector }, dryRun }).catch((err: unknown) => {
            // Nothing imported, so no case and no report came back: the file's own check names the
            // rejected rows (the same parse; tester finding: "Fix it as the report says" with no report).
            if (err instanceof NestError && err.messageRef?.id === 'import.new-case-nothing-imported') nothingImported = err;
            else throw err;
            return null;
          });
          if (r?.case) progress.say(t('import.cli.created-case', { number: r.case.number, title: r.case.title }));
          else if (r) progress.say(t('import.cli.would-create-case', { title: values['new-case'] ?? '' }));
          caseNumber = r?.case?.number ?? '';
          return r?.report ?? check.report;
        }
        const cases = await service.invoke('cases.list', { workspaceId: ws.id });
        const found = cases.find((c) => c.id === values.case || c.number === values.case);
        if (!found) throw new Error(t('import.cli.no-such-case', { caseRef: values.case ?? '', workspace: ws.name }));
        caseNumber = found.number;
        caseTlp = found.tlp;
        const request = { ...common, caseId: found.id, allowReimport: values['allow-reimport'], acceptTlp: values['accept-tlp'] };
        if (dryRun) return (await service.invoke('import.preview', request)).report;
        return service.invoke('import.commit', request).catch((err: unknown) => {
          // The app's sentence ends in its button's words; here one sentence with the one fix, the flag.
          if (err instanceof NestError && err.messageRef?.id === 'import.already-imported') throw new NestError('validation', { id: 'import.already-imported-cli', values: err.messageRef.values });
          if (err instanceof NestError && err.messageRef?.id === 'import.tlp-stricter') throw new NestError('validation', { id: 'import.tlp-stricter-cli', values: err.messageRef.values });
          throw err;
        });
      });
    } finally {
      progress.end();
    }
    // Counts from the catalogue: plurals and thousands separators as the app shows them (G-IMP-4).
    // The file's own check cannot count what the case would take (within-file repeats): no count then.
    // A stopped import says so first, never a line that reads as a whole import (tester finding F10).
    if (report.cancelled) console.log(t('import.cli.stopped-imported', { written: report.cancelled.written, planned: report.cancelled.planned, fileName: path.basename(file), format: report.format }));
    else if (!nothingImported) console.log(t('import.cli.imported', { dryRun: dryRun ? 'yes' : 'no', count: report.imported, fileName: path.basename(file), format: report.format }));
    if (report.routes) console.log(t('import.cli.routes', { count: report.routes }));
    if (report.unmapped) console.log(t('import.cli.unmapped', { count: report.unmapped }));
    if (report.skippedBlank) console.log(t('import.cli.blank', { count: report.skippedBlank }));
    // A value is cut to its first characters: one 5 MB cell must not flood the terminal.
    const row = (r: (typeof report.rejected)[number]) => t('import.cli.row', { format: report.format, line: r.line, column: r.column || r.field, reason: quoteValue(r.reason, 300), value: r.value ? quoteValue(r.value) : 'none', fix: r.fix || 'none' });
    if (report.rejectedRows) {
      console.log(t('import.cli.rejected', { count: report.rejectedRows }));
      for (const r of report.rejected) console.log(row(r));
    }
    // Rows imported with a doubt (a point far outside its seizing country): named, never silent (tester finding).
    if (report.flagged.length) {
      console.log(t('import.cli.flagged', { count: new Set(report.flagged.map((r) => r.line)).size }));
      for (const r of report.flagged) console.log(row(r));
    }
    for (const f of report.formats) console.log(t('import.cli.read', { summary: f.summary }));
    const left = report.unimportedColumns ?? [];
    if (left.length) console.log(t('import.cli.columns-not-imported', { count: left.length, columns: left.map((c) => `"${c}"`).join(', ') }));
    for (const w of report.warnings) console.log(t('import.cli.note', { text: w }));
    for (const d of report.duplicates) console.log(`  ${duplicateNote(d, report.format)}`);
    // The list is capped (MAX_LISTED_DUPLICATES); the count is not: say how many more there are.
    if (report.duplicateRows > report.duplicates.length) console.log(`  ${t('import.cli.duplicates-more', { count: report.duplicateRows - report.duplicates.length })}`);
    if (nothingImported) throw nothingImported;
    if (values['dry-run'] && report.previousImport) {
      const again = t('import.already-imported-cli', { fileName: report.previousImport.fileName, by: report.previousImport.byName || report.previousImport.by, at: new Date(report.previousImport.at).toISOString().slice(0, 10), count: report.previousImport.seizures });
      console.log(t('import.cli.note', { text: `${again}.` }));
    }
    if (report.refusal) {
      console.error(t('import.cli.refused', { reason: report.refusal }));
      return 1;
    }
    // A dry run of a file marked stricter than the case: refused as the import would be, unless accepted (then only said).
    if (report.tlpConflict && report.fileTlp && caseTlp) {
      if (!values['accept-tlp']) {
        console.error(t('import.cli.refused', { reason: `${t('import.tlp-stricter-cli', { fileTlp: report.fileTlp, caseNumber, caseTlp })}.` }));
        return 1;
      }
      console.log(t('import.cli.tlp-accepted', { conflict: report.tlpConflict }));
    }
    if (report.cancelled && report.batchId) {
      console.log(t('import.cli.stopped', { written: report.cancelled.written, planned: report.cancelled.planned, fileName: path.basename(file), batchId: report.batchId, workspace: shellWord(ws.name), caseNumber: shellWord(caseNumber) }));
      // Which rows: a user resuming must know where the written part ends.
      if (report.cancelled.throughLine != null) console.log(t('import.cli.stopped-through', { format: report.format, line: report.cancelled.throughLine }));
      return EXIT_STOPPED;
    }
    if (report.batchId) console.log(t('import.cli.logged', { batchId: report.batchId, sha256: report.sha256 }));
    // Ctrl-C after the writer's last safe point: the whole file was imported, and the user must know (tester finding).
    if (stopAsked && report.batchId) console.error(t('import.cli.stop-too-late', { count: report.imported, batchId: report.batchId, workspace: shellWord(ws.name), caseNumber: shellWord(caseNumber) }));
    // Every row refused is a failure, for scripts as for people (the report above says why).
    if (report.imported === 0 && report.rejectedRows > 0 && !report.routes) {
      console.error(t('import.cli.failed', { message: t('import.cli.nothing-imported', { fileName: path.basename(file), rejected: report.rejectedRows, duplicates: report.skippedDuplicates }) }));
      return 1;
    }
    return 0;
  } finally {
    service.close();
  }
}

/** `word` quoted for a POSIX shell when it holds anything but safe characters (a workspace name with spaces). */
function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `--undo BATCH`: undoes import BATCH of case `caseRef` (number or id) as one step and prints what it marked deleted. */
async function undoBatch(batchId: string, workspace: string, caseRef: string, dataDir: string): Promise<number> {
  const { service, ws } = await openWorkspace(dataDir, workspace);
  try {
    const found = (await service.invoke('cases.list', { workspaceId: ws.id })).find((c) => c.id === caseRef || c.number === caseRef);
    if (!found) throw new Error(t('import.cli.no-such-case', { caseRef, workspace: ws.name }));
    const r = await service.invoke('import.undo', { workspaceId: ws.id, caseId: found.id, batchId });
    console.log(undoneSentence(batchId, r.seizures, r.routes));
    return 0;
  } finally {
    service.close();
  }
}

/**
 * The file's own check (the parse the service runs too): only its report and the file's columns are returned, so the
 * parsed rows — every seizure of the file, several times the file's size — are garbage before the
 * import starts instead of being held through it (they were most of a 20,000-row `--dry-run`'s
 * peak memory: docs/import.md "Memory").
 * @throws what unpackImport and parseImportFile throw (not a supported file, not text).
 */
async function checkFile(
  fileName: string,
  bytes: Buffer,
  mapColumns: ColumnMapping | undefined,
  decimalMarks: Record<string, '.' | ','> | undefined,
  dateOrder: 'DMY' | 'MDY' | undefined,
): Promise<{ report: ImportReport; headers: string[] }> {
  const unpacked = await unpackImport(fileName, new Uint8Array(bytes));
  const { report, headers } = parseImportFile({ fileName: unpacked.fileName, bytes: unpacked.bytes, mapColumns, decimalMarks, dateOrder, stage: 'preview' });
  return { report, headers };
}

/** The process's peak resident memory so far, in MB (the parse worker's included). */
function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

main().then(
  (code) => {
    console.log(t('import.cli.peak-memory', { mb: peakMb() }));
    process.exit(code);
  },
  (err: unknown) => {
    // One sentence: what happened, then what to do about it (never a hint before it: tester finding F-IMP-1).
    // A stop the user asked for is not a failure: the service's sentence alone says nothing was written.
    const code = (typeof err === 'object' && err !== null ? exitCodes.get(err) : undefined) ?? 1;
    const message = err instanceof NestError || err instanceof Error ? err.message : String(err);
    console.error(code === EXIT_STOPPED ? message : t('import.cli.failed', { message }));
    process.exit(code);
  },
);

