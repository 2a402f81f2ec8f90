/**
 * The data files of a case pack (`data/`), built from the case doc as it is now: `case.json`
 * (schema `nest-case/1`, canonical JSON: the same state always gives the same bytes),
 * `seizures.csv` (the public columns, injection-safe, as the CSV export writes them) and
 * `seizures.geojson` (WGS84 points of the seizures that have coordinates). Documented in
 * docs/case-packs.md.
 */
import * as Y from 'yjs';
import { CaseDoc } from '../../shared/docs/case-doc';
import { CaseValuations } from '../../shared/docs/case-valuations';
import { canonicalJson } from '../../shared/packs/canonical-json';
import type { Seizure } from '../../shared/domain/seizure';
import { seizuresToCsv } from '../export/export-csv';

/** The schema tag of `data/case.json`. */
export const CASE_JSON_SCHEMA = 'nest-case/1';

/** What a case pack's data files are made from (one consistent read of the doc). */
export interface CaseData {
  caseJson: string;
  seizuresCsv: string;
  seizuresGeoJson: string;
  /** The doc's Yjs state vector, base64 (goes into the manifest). */
  stateVector: string;
  meta: ReturnType<CaseDoc['readMeta']>;
}

/** Seizures in a stable order: by date, then id (the doc's map order depends on history). */
function ordered(seizures: Seizure[]): Seizure[] {
  return [...seizures].sort((a, b) => (a.seizureDate ?? '').localeCompare(b.seizureDate ?? '') || a.id.localeCompare(b.id));
}

/** Reads everything a pack needs from `doc` at once. */
export function caseData(doc: Y.Doc): CaseData {
  const cd = new CaseDoc(doc);
  const meta = cd.readMeta();
  const seizures = ordered(cd.listSeizures());
  const routes = [...cd.listRoutes()].sort((a, b) => a.id.localeCompare(b.id));
  const valuations = new CaseValuations(doc).listValuations();
  const caseJson = `${canonicalJson({ schema: CASE_JSON_SCHEMA, case: meta, summary: cd.readSummary(), seizures, routes, valuations, audit: cd.readAudit() })}\n`;
  const features = seizures
    .filter((s) => typeof s.latitude === 'number' && typeof s.longitude === 'number')
    .map((s) => ({ type: 'Feature', id: s.id, geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] }, properties: { ...s, latitude: undefined, longitude: undefined } }));
  const seizuresGeoJson = `${canonicalJson({ type: 'FeatureCollection', features })}\n`;
  return { caseJson, seizuresCsv: seizuresToCsv(seizures), seizuresGeoJson, stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'), meta };
}
