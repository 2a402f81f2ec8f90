/**
 * The data files of a case pack (`data/`), built from one read of the case doc and its volume docs
 * (the seizures of every volume, docs/architecture.md "Volume docs"): `case.json`
 * (schema `nest-case/3`, canonical JSON: the same state always gives the same bytes; `docs` names
 * the case doc and each volume doc it was taken from, with their state vectors),
 * `seizures.csv` (the public columns, injection-safe, as the CSV export writes them),
 * `seizures.geojson` (WGS84 points of the seizures that have coordinates), `entities.csv` and
 * `custody.csv` (pack-tables.ts), plus the attached files `exhibits/` must carry. A selection
 * (pack-selection.ts) narrows seizures, exhibits and what follows them. Every file carries the
 * case's TLP marking: the CSVs as their first line, the JSON files as a `marking` property.
 * Documented in docs/case-packs.md.
 */
import * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseExhibits } from '../../shared/docs/case-exhibits';
import { CaseFiles } from '../../shared/docs/case-files';
import { readCustodyEntries } from '../../shared/docs/case-custody';
import { CaseValuations } from '../../shared/docs/case-valuations';
import { exhibitReference, type Exhibit } from '../../shared/domain/exhibit';
import type { AttachedFile } from '../../shared/domain/attached-file';
import { canonicalJsonPaced } from '../../shared/packs/canonical-json';
import type { PackSelection } from '../../shared/packs/manifest';
import type { Seizure } from '../../shared/domain/seizure';
import { t } from '../../shared/messages';
import { seizuresToCsvPaced } from '../export/export-csv';
import type { CaseSeizures } from '../import/case-seizures-all';
import { custodyCsv, entitiesCsv } from './pack-tables';
import { TextChunks, type EncodedText } from './pack-text';
import { selectedCustody, selectedFiles, selector } from './pack-selection';

/**
 * The schema tag of `data/case.json` (2: adds `marking`, `selection`, `exhibits` and `files`;
 * 3: adds `docs`, the case doc and volume docs the pack was taken from).
 */
export const CASE_JSON_SCHEMA = 'nest-case/3';

/** One attached file the pack carries under `exhibits/<sha256>` (files with the same bytes share one entry). */
export interface PackBlob {
  hash: string;
  size: number;
  mediaType: string;
  /** The names it was added under, sorted (the first goes into the manifest's `originalName`). */
  names: string[];
  /** References of the kept exhibits that cite it (`NEST-2026-0001/EX-003`), sorted. */
  exhibits: string[];
}

/** What the data files are serialised from (see {@link caseDataFiles}). */
export interface CaseTables {
  /** case.json's value without its `seizures`. */
  caseJson: Record<string, unknown>;
  /** The kept seizures, by date then id. */
  seizures: Seizure[];
  /** seizures.geojson's value without its `features`. */
  geoJson: Record<string, unknown>;
  /** The kept seizures with coordinates: seizures.geojson's features, each built as it is written ({@link seizureFeature}). */
  mapped: Seizure[];
  /** Small tables, already written: `data/…` path → text. */
  entitiesCsv: string;
  custodyCsv: string;
  tlp: string;
  caseNumber: string;
}

/** What a case pack's data files are made from (one consistent read of the doc). */
export interface CaseData {
  /** The data files' contents, serialised by {@link caseDataFiles}. */
  tables: CaseTables;
  blobs: PackBlob[];
  /** The case doc's Yjs state vector, base64 (goes into the manifest). */
  stateVector: string;
  /** Each volume doc's Yjs state vector, base64, by volume number ascending (the manifest's `case.volumes`). */
  volumes: { n: number; stateVector: string }[];
  meta: ReturnType<CaseDoc['readMeta']>;
  /** Each volume doc the seizures were read from, by number, with its name (provenance reads its relay log). */
  volumeDocs: { n: number; name: string }[];
  /** Ids of the records the pack carries (provenance covers these). */
  kept: { seizures: Set<string>; exhibits: Set<string>; files: Set<string>; custody: Set<string> };
}

/** Rows the data files list (each kept seizure in case.json and seizures.csv, each mapped one in seizures.geojson): the `tables` phase's total besides STIX. */
export function tableRows(t: CaseTables): number {
  return 2 * t.seizures.length + t.mapped.length;
}

/**
 * The `data/` files of `t`, in pack order, serialised with `each(n)` awaited after every n rows
 * (a long export yields and reports progress) straight into UTF-8 chunks (a 100,000-seizure
 * case.json is never one string); the bytes are what one synchronous pass would write.
 */
export async function caseDataFiles(t: CaseTables, each: (rows: number) => Promise<void>): Promise<[string, EncodedText][]> {
  const one = (): Promise<void> => each(1);
  const caseJson = new TextChunks();
  await canonicalJsonPaced(t.caseJson, 'seizures', t.seizures, one, caseJson.write);
  caseJson.write('\n');
  const csv = new TextChunks();
  await seizuresToCsvPaced(t.seizures, { tlp: t.tlp, caseNumber: t.caseNumber }, each, csv.write);
  const geoJson = new TextChunks();
  await canonicalJsonPaced(t.geoJson, 'features', features(t.mapped), one, geoJson.write);
  geoJson.write('\n');
  const small = (text: string): EncodedText => {
    const c = new TextChunks();
    c.write(text);
    return c.done();
  };
  return [
    ['data/case.json', caseJson.done()],
    ['data/seizures.csv', csv.done()],
    ['data/seizures.geojson', geoJson.done()],
    ['data/entities.csv', small(t.entitiesCsv)],
    ['data/custody.csv', small(t.custodyCsv)],
  ];
}

/** seizures.geojson's WGS84 point Feature of `s` (a seizure with coordinates): the seizure's fields as properties, without its coordinates. */
function seizureFeature(s: Seizure): Record<string, unknown> {
  return { type: 'Feature', id: s.id, geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] }, properties: { ...s, latitude: undefined, longitude: undefined } };
}

/** The features of `mapped`, each built when the writer reaches it. */
function* features(mapped: readonly Seizure[]): Generator<Record<string, unknown>> {
  for (const s of mapped) yield seizureFeature(s);
}

/** The attached files to carry, one per hash, with their names and citing exhibits. */
function blobsOf(files: readonly AttachedFile[], exhibits: readonly Exhibit[], caseNumber: string): PackBlob[] {
  const byHash = new Map<string, PackBlob>();
  for (const f of files) {
    const b = byHash.get(f.hash) ?? { hash: f.hash, size: f.size, mediaType: f.mediaType, names: [], exhibits: [] };
    if (!b.names.includes(f.name)) b.names.push(f.name);
    for (const e of exhibits) {
      const ref = exhibitReference(caseNumber, e.number);
      if (e.fileIds.includes(f.id) && !b.exhibits.includes(ref)) b.exhibits.push(ref);
    }
    byHash.set(f.hash, b);
  }
  return [...byHash.values()].map((b) => ({ ...b, names: b.names.sort(), exhibits: b.exhibits.sort() })).sort((a, b) => a.hash.localeCompare(b.hash));
}

/**
 * Reads everything a pack needs from `doc` at once; `all` holds the case's seizures over its case
 * doc and every volume (readCompleteCaseSeizures, read in the same pass); `selection` undefined
 * exports the whole case.
 */
export function caseData(doc: Y.Doc, all: CaseSeizures, selection?: PackSelection): CaseData {
  const cd = new CaseDoc(doc);
  const meta = cd.readMeta();
  const pick = selector(selection);
  // In a stable order, by date then id, as `all.live` is (the doc's map order depends on history).
  const seizures = all.live.filter(pick.seizure);
  const keptSeizures = new Set(seizures.map((s) => s.id));
  const exhibits = new CaseExhibits(doc).list().filter((e) => pick.exhibit(e, keptSeizures));
  const keptExhibits = new Set(exhibits.map((e) => e.id));
  const files = selectedFiles(new CaseFiles(doc).all(), exhibits, !selection).sort((a, b) => a.id.localeCompare(b.id));
  const keptFiles = new Set(files.map((f) => f.id));
  const allCustody = readCustodyEntries(doc);
  // The whole case carries every entry (also of a deleted exhibit); a selection the kept exhibits' whole chains.
  const custody = selection ? selectedCustody(allCustody, exhibits) : selectedCustody(allCustody, [...new Set(allCustody.map((c) => c.exhibitId))].map((id) => ({ id }) as Exhibit));
  const routes = [...cd.listRoutes()].sort((a, b) => a.id.localeCompare(b.id));
  const valuations = new CaseValuations(doc).listValuations().filter((v) => keptSeizures.has(v.seizureId));
  // An audit entry about a record left out would tell what the selection holds back.
  const known = new Set([...all.live.map((s) => s.id), ...new CaseExhibits(doc).list().map((e) => e.id)]);
  const audit = cd.readAudit().filter((a) => !a.target || !known.has(a.target) || keptSeizures.has(a.target) || keptExhibits.has(a.target));
  const marking = `TLP:${meta.tlp}`;
  const line = (file: string): string => t('pack.export.marking-line', { tlp: meta.tlp, caseNumber: meta.number, file });
  const b64 = (sv: Uint8Array): string => Buffer.from(sv).toString('base64');
  // The docs read, case doc first: a reader can tell the pack holds every volume the case listed.
  const docs = all.docs.map((d) => ({ name: d.name, volume: d.volume, stateVector: b64(d.stateVector) }));
  // Only filtered here: built all at once, 100,000 features held the event loop for seconds (issue 11).
  const mapped = seizures.filter((s) => typeof s.latitude === 'number' && typeof s.longitude === 'number');
  return {
    tables: {
      caseJson: { schema: CASE_JSON_SCHEMA, marking, selection: selection ?? null, docs, case: meta, summary: cd.readSummary(), routes, valuations, exhibits, files, audit },
      seizures,
      // `marking` is a foreign member of the FeatureCollection (RFC 7946 §6.1): readers keep or ignore it.
      geoJson: { type: 'FeatureCollection', marking },
      mapped,
      entitiesCsv: entitiesCsv(cd.listEntities(), line('entities')),
      custodyCsv: custodyCsv(custody, exhibits, meta.number, line('chain of custody')),
      tlp: meta.tlp,
      caseNumber: meta.number,
    },
    blobs: blobsOf(files, exhibits, meta.number),
    stateVector: b64(Y.encodeStateVector(doc)),
    volumes: docs.flatMap((d) => (d.volume === null ? [] : [{ n: d.volume, stateVector: d.stateVector }])),
    volumeDocs: all.docs.flatMap((d) => (d.volume === null ? [] : [{ n: d.volume, name: d.name }])),
    meta,
    kept: { seizures: keptSeizures, exhibits: keptExhibits, files: keptFiles, custody: new Set(custody.map((c) => c.id)) },
  };
}
