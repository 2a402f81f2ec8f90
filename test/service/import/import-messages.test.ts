/**
 * Tester findings F1–F3 of session 27 (issue 11), with the tester's own inputs
 * (test/fixtures/import-messages): an export's TLP marking is read on the way back in and a file
 * marked stricter than its case is named, refused without `acceptTlp` and recorded in the batch;
 * the importer's whole-file sentences come from the catalogue with plurals and separators, and
 * cells past the header are kept in the notes; a date column mixing both orders says so, naming a
 * line of each, and a row written in the other order says why it is refused; with no order chosen
 * the dialog's preview and commit hold back every row whose date depends on it, as the CLI refuses
 * the column (F3). A decimal mark chosen against what a column's own values prove is not used, and
 * the report says so (F17).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../service/import';
import { caseToGeoJson } from '../../../service/export/export-geojson';
import { caseToKml } from '../../../service/export/export-kml';
import { isTlpMarkingLine, seizuresToCsv } from '../../../service/export/export-csv';
import { isStricterTlp, tlpOfMarking } from '../../../shared/domain/tlp-marking';
import { newCaseFields } from '../../../shared/domain/case';
import { CaseImports } from '../../../shared/docs/case-import-batches';
import { NestError } from '../../../shared/errors';
import { RpcError } from '../../../renderer/src/data/rpc-error';
import { startService, type Harness } from '../../helpers/service';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/import-messages');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const parse = (name: string, extra: Partial<Parameters<typeof parseImportFile>[0]> = {}) => parseImportFile({ fileName: name, bytes: fixture(name), stage: 'preview', ...extra });

describe('F1: the TLP marking a file carries', () => {
  it('reads the level of a marking text, one rule with the exporter’s line', () => {
    expect(tlpOfMarking('TLP:RED — NEST-2026-0009 seizures — share only as TLP:RED allows')).toBe('RED');
    expect(tlpOfMarking('\uFEFF"TLP:AMBER+STRICT — x"')).toBe('AMBER+STRICT');
    expect(tlpOfMarking('TLP:AMBER — x')).toBe('AMBER');
    expect(tlpOfMarking('TLP:WHITE')).toBe('CLEAR');
    for (const l of ['seizure_date,country', 'TLP', 'tlp:red', 'TLP:BLUE', 'TLP:REDDISH']) expect(tlpOfMarking(l)).toBeNull();
    expect(isTlpMarkingLine('TLP:GREEN — y')).toBe(true);
    expect([isStricterTlp('RED', 'AMBER'), isStricterTlp('AMBER+STRICT', 'AMBER'), isStricterTlp('AMBER', 'AMBER'), isStricterTlp('GREEN', 'AMBER')]).toEqual([true, true, false, false]);
  });

  it('reads TLP:RED from the tester’s export CSV, keeping its line numbers', () => {
    const parsed = parse('i-tlp-red.csv');
    expect(parsed.report.fileTlp).toBe('RED');
    expect(parsed.report.imported).toBe(3);
    expect(parsed.seizures.map((s) => s.line)).toEqual([3, 4, 5]);
    expect(parse('j-extra-cells.csv').report.fileTlp).toBeNull();
  });

  it('reads the marking the CSV, GeoJSON and KML exporters write', () => {
    const rows = parse('i-tlp-red.csv').seizures.map((s, i) => ({ ...s.fields, id: `s${i}`, createdBy: 'm', createdAt: 1, updatedBy: 'm', updatedAt: 1 }));
    const marking = { tlp: 'AMBER+STRICT', caseNumber: 'NEST-2026-0004' };
    const read = (fileName: string, text: string) => parseImportFile({ fileName, bytes: new TextEncoder().encode(text) }).report.fileTlp;
    expect(read('x.csv', seizuresToCsv(rows, marking))).toBe('AMBER+STRICT');
    expect(read('x.geojson', caseToGeoJson(rows, [], marking))).toBe('AMBER+STRICT');
    expect(read('x.kml', caseToKml(rows, [], marking))).toBe('AMBER+STRICT');
    expect(read('x.geojson', caseToGeoJson(rows, []))).toBeNull();
  });
});

describe('F2: whole-file sentences from the catalogue; extra cells kept', () => {
  it('keeps the cells past the header in the notes, with their positions, and says so with a plural', () => {
    const parsed = parse('j-extra-cells.csv');
    expect(parsed.report.warnings[0]).toBe('2 rows have more cells than the header (first: line 2); the extra cells were kept in their notes as "Extra cell N: …".');
    expect(parsed.seizures.map((s) => s.fields.notes)).toEqual(['Extra cell 9: extra\nExtra cell 10: more', 'Extra cell 9: x', '']);
    expect(parsed.report.warnings).toContain("The file has no crime-sector column: the seizures are filed under 'other'.");
  });

  it('refuses 100,001 rows with separators and "rows are"', () => {
    const text = `date,country,place,latitude,longitude,commodity,quantity,unit\n${'2019-01-01,KE,Mombasa,-4.05,39.66,ivory,1,kg\n'.repeat(100_001)}`;
    let err: unknown;
    try {
      parseImportFile({ fileName: 'k-100001.csv', bytes: new TextEncoder().encode(text) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NestError);
    expect((err as NestError).message).toBe('k-100001.csv: 100,001 rows are more than the 100,000 an import takes; split the file into parts of at most 100,000 rows');
  });
});

describe('F3: a date column that mixes both orders', () => {
  it('says the column mixes both orders, naming a line of each, and holds the ambiguous row', () => {
    const parsed = parse('c-dates-contradict.csv');
    const date = parsed.report.formats.find((f) => f.column === 'date')!;
    expect(date.decidedBy).toBe('guess');
    expect(date.mixedOrders).toEqual({ dayFirst: { line: 2, value: '13/04/2019' }, monthFirst: { line: 3, value: '04/13/2019' } });
    expect(date.summary).toBe("date: day-month order not decided — the column mixes both orders (line 2 '13/04/2019' reads only day-first, line 3 '04/13/2019' only month-first); choose the order");
    expect(parsed.report.rejected.find((r) => r.line === 4)!.reason).toBe("'03/04/2019' is 2019-04-03 day first but 2019-03-04 month first, and the column mixes both orders");
  });

  it('with an order chosen, refuses a row written in the other order saying so, not "not a real date"', () => {
    const dmy = parse('c-dates-contradict.csv', { dateOrder: 'DMY' });
    expect(dmy.report.rejected.map((r) => [r.line, r.reason])).toEqual([[3, "'04/13/2019' reads only as month-first (13 is not a month); the column's order is day-first"]]);
    expect(dmy.seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-04-13', '2019-04-03']);
    const mdy = parse('c-dates-contradict.csv', { dateOrder: 'MDY' });
    expect(mdy.report.rejected.map((r) => [r.line, r.reason])).toEqual([[2, "'13/04/2019' reads only as day-first (13 is not a month); the column's order is month-first"]]);
    expect(mdy.seizures.map((s) => s.fields.seizureDate)).toEqual(['2019-04-13', '2019-03-04']);
    // A date that is not real in either order still says so.
    expect(parseImportFile({ fileName: 'x.csv', bytes: new TextEncoder().encode('date,country,commodity\n31/02/2019,KE,ivory\n'), dateOrder: 'DMY' }).report.rejected[0]!.reason).toBe("'31/02/2019' is not a real date");
  });
});

describe('F3, the dialog: a date column mixing both orders holds back every row that depends on the order', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });
  it('holds the dates of one order only too, with the fix, and imports none of the column on the default order', () => {
    const parsed = parse('c-dates-contradict.csv');
    expect(parsed.report.rejected.map((r) => [r.line, r.reason, r.fix])).toEqual([
      [2, "'13/04/2019' reads only day-first (2019-04-13), and the column mixes both orders: whether it is imported depends on the order chosen for the column", 'choose day first or month first in the preview (command line: --date-order DMY or MDY)'],
      [3, "'04/13/2019' reads only month-first (2019-04-13), and the column mixes both orders: whether it is imported depends on the order chosen for the column", 'choose day first or month first in the preview (command line: --date-order DMY or MDY)'],
      [4, "'03/04/2019' is 2019-04-03 day first but 2019-03-04 month first, and the column mixes both orders", 'choose day first or month first in the preview (command line: --date-order DMY or MDY)'],
    ]);
    expect(parsed.seizures).toEqual([]);
    expect(parsed.report.warnings).toContain("Column 'date': 3 rows were held back because their values read differently depending on a choice the column does not decide; choose it in the preview (or on the command line) to import them.");
  });

  it('through the service as the dialog asks it: the preview and the commit hold the same rows, and the chosen order imports', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Dates' } });
    const request = { workspaceId: ws.id, caseId: k.id, fileName: 'c-dates-contradict.csv', contentBase64: Buffer.from(fixture('c-dates-contradict.csv')).toString('base64') };
    const preview = await c.call('import.preview', request);
    expect([preview.report.imported, preview.report.rejectedRows]).toEqual([0, 3]);
    expect(preview.report.formats.find((f) => f.column === 'date')!.decidedBy).toBe('guess');
    const committed = await c.call('import.commit', request);
    expect([committed.imported, committed.rejectedRows]).toEqual([0, 3]);
    expect((await c.call('cases.get', { workspaceId: ws.id, caseId: k.id })).seizureCount).toBe(0);
    const dmy = await c.call('import.commit', { ...request, dateOrder: 'DMY', allowReimport: true });
    expect([dmy.imported, dmy.rejected.map((r) => r.line)]).toEqual([2, [3]]);
  }, 120_000);
});

describe('F17: a decimal mark chosen against the column’s own values', () => {
  const publicCsv = new Uint8Array(readFileSync(path.resolve('resources/demo/seizures-public.csv')));

  it('is not used, and the reading and a warning say so, naming the count and the first value (the public data set)', () => {
    const chosen = parseImportFile({ fileName: 'seizures-public.csv', bytes: publicCsv, decimalMarks: { quantity: ',' }, stage: 'preview' });
    const plain = parseImportFile({ fileName: 'seizures-public.csv', bytes: publicCsv, stage: 'preview' });
    const quantity = chosen.report.formats.find((f) => f.column === 'quantity')!;
    expect([quantity.decimalMark, quantity.decidedBy]).toEqual(['.', 'cells']);
    expect(quantity.summary).toBe('quantity: point decimal — from 13 values; the decimal comma chosen for it is not used');
    expect(chosen.report.warnings[0]).toBe("Column 'quantity' shows a decimal point in 13 values (e.g. '11.9' on line 2), so the decimal comma chosen for it is not used: no value is read against its own decimal mark.");
    // The data as the values prove it: the same quantities as without the option.
    expect(chosen.seizures.map((s) => s.fields.quantity)).toEqual(plain.seizures.map((s) => s.fields.quantity));
    expect(chosen.seizures.slice(0, 2).map((s) => s.fields.quantity)).toEqual([11.9, 8.8]);
  });

  it('a value with no mark of its own follows the column’s proof, not the overruled choice; a choice that agrees, or decides a guess, is used', () => {
    const csv = (q: string[]) => new TextEncoder().encode(`date,country,commodity,quantity,unit\n${q.map((v, i) => `2021-01-0${i + 1},KE,ivory,${v},kg`).join('\n')}\n`);
    const over = parseImportFile({ fileName: 'q.csv', bytes: csv(['11.9', '8.8', '1.250']), decimalMarks: { quantity: ',' } });
    expect(over.seizures.map((s) => s.fields.quantity)).toEqual([11.9, 8.8, 1.25]);
    expect(over.report.warnings[0]).toBe("Column 'quantity' shows a decimal point in 2 values (e.g. '11.9' on line 2), so the decimal comma chosen for it is not used: no value is read against its own decimal mark.");
    const agrees = parseImportFile({ fileName: 'q.csv', bytes: csv(['11.9', '8.8', '1.250']), decimalMarks: { quantity: '.' } });
    expect(agrees.report.formats.find((f) => f.column === 'quantity')!.summary).toBe('quantity: point decimal — your choice');
    // '1.250' alone decides nothing: the choice decides it, and nothing is said against it.
    const decides = parseImportFile({ fileName: 'q.csv', bytes: csv(['1.250', '3']), decimalMarks: { quantity: ',' } });
    expect(decides.seizures.map((s) => s.fields.quantity)).toEqual([1250, 3]);
    expect(decides.report.warnings.some((w) => w.includes('is not used'))).toBe(false);
  });
});

describe('F1 through the service: preview, commit and new case', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });
  const file = { fileName: 'i-tlp-red.csv', contentBase64: Buffer.from(fixture('i-tlp-red.csv')).toString('base64') };

  it('names the stricter marking in the preview, refuses the commit without acceptTlp, and records the marking with it', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const k = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Amber' } });
    const preview = await c.call('import.preview', { workspaceId: ws.id, caseId: k.id, ...file });
    expect(preview.report.fileTlp).toBe('RED');
    expect(preview.report.tlpConflict).toBe(`This file is marked TLP:RED; case ${k.number} is TLP:AMBER: its rows would be shared as TLP:AMBER. Import it only if the file’s originator allows that, or import it into a TLP:RED case`);

    const err = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).message).toBe(preview.report.tlpConflict);
    expect((await c.call('cases.get', { workspaceId: ws.id, caseId: k.id })).seizureCount).toBe(0);

    const done = await c.call('import.commit', { workspaceId: ws.id, caseId: k.id, ...file, acceptTlp: true });
    expect([done.imported, done.fileTlp]).toEqual([3, 'RED']);
    const replica = c.openDoc((await c.call('cases.get', { workspaceId: ws.id, caseId: k.id })).docName);
    await replica.whenSynced();
    expect(new CaseImports(replica.doc).list().map((b) => [b.fileName, b.seizures, b.fileTlp])).toEqual([['i-tlp-red.csv', 3, 'RED']]);

    // A RED case takes the file without a word.
    const red = await c.call('cases.create', { workspaceId: ws.id, fields: { ...newCaseFields('2026-12-07'), title: 'Red', tlp: 'RED' } });
    const same = await c.call('import.preview', { workspaceId: ws.id, caseId: red.id, ...file });
    expect(same.report.tlpConflict).toBeNull();
  });

  it('creates a new case at the file’s level, and says so', async () => {
    h = startService();
    const c = h.client();
    await c.call('identity.create', { name: 'Amina Mwangi', agency: 'KWS', role: 'admin' });
    const ws = await c.call('workspaces.create', { name: 'W', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const dry = await c.call('import.newCase', { workspaceId: ws.id, ...file, newCase: { title: 'From red', sector: 'wildlife' }, dryRun: true });
    expect(dry.report.warnings).toContain('The file is marked TLP:RED, so the new case would be TLP:RED.');
    const made = await c.call('import.newCase', { workspaceId: ws.id, ...file, newCase: { title: 'From red', sector: 'wildlife' } });
    expect(made.report.warnings).toContain('The file is marked TLP:RED, so the new case is TLP:RED.');
    const listed = await c.call('cases.list', { workspaceId: ws.id });
    expect(listed.map((x) => [x.title, x.tlp, x.seizureCount])).toEqual([['From red', 'RED', 3]]);
  });
});
