/**
 * The generated workload of bench P8 and of the large-case screenshots (test/e2e/large-case.spec.ts):
 * a case's seizures written through the real typed views — up to the inline limit (1,000) in the
 * case doc, the rest in volume docs of 5,000 (`VolumeDoc.insertSeizures`) listed in the case doc —
 * and projected by the workspace runtime's real Projector, not through the UI. Deterministic
 * (a seeded generator); every seizure is mapped, near one of eight ports.
 */
import { randomUUID } from 'node:crypto';
import { CaseDoc } from '../shared/docs/case-doc';
import { volumeDocName } from '../shared/docs/names';
import { listVolumesIn, VolumeDoc } from '../shared/docs/volume-doc';
import { newSeizureFields, type SeizureFields } from '../shared/domain/seizure';
import type { WorkspaceRuntime } from '../service/workspace/workspace-runtime';

/** Seizures the case doc holds before volumes are used. */
const INLINE = 1000;
/** Seizures per volume doc. */
const VOLUME = 5000;

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

/** Seizing countries with a box (lat, lon, span) their points fall in. */
const PLACES: [string, string, number, number][] = [
  ['VN', 'Hai Phong', 20.8, 106.7],
  ['KE', 'Mombasa', -4.0, 39.6],
  ['NG', 'Lagos', 6.45, 3.4],
  ['MY', 'Port Klang', 3.0, 101.4],
  ['TZ', 'Dar es Salaam', -6.8, 39.3],
  ['CN', 'Guangzhou', 23.1, 113.3],
  ['TH', 'Bangkok', 13.7, 100.5],
  ['ID', 'Jakarta', -6.2, 106.8],
];
const COMMODITIES = ['Ivory', 'Pangolin scales', 'Rhino horn', 'Rosewood logs', 'Shark fins', 'Live birds', 'Turtle shells'];

function seizureFields(next: () => number): SeizureFields {
  const [country, place, lat, lon] = PLACES[Math.floor(next() * PLACES.length)]!;
  const year = 2015 + Math.floor(next() * 10);
  return {
    ...newSeizureFields('2026-01-01'),
    seizureDate: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    country,
    place,
    latitude: Math.round((lat + (next() - 0.5) * 4) * 1e5) / 1e5,
    longitude: Math.round((lon + (next() - 0.5) * 4) * 1e5) / 1e5,
    locationPrecision: 'exact',
    commodity: COMMODITIES[Math.floor(next() * COMMODITIES.length)]!,
    quantity: 1 + Math.floor(next() * 2000),
    unit: 'kg',
    reportedValue: Math.floor(next() * 500_000),
    reportedCurrency: 'USD',
  };
}

/** Where `atOnePlace` seizures of {@link fillCase} lie: one quay, far from the eight ports (its cluster stays alone at every zoom). */
export const ONE_PLACE = { place: 'Quay 7', latitude: -30.5, longitude: -40.25 };

/**
 * Writes `n` generated seizures (seeded by `seed`) into case `caseId` of `ws` as `memberId`: up
 * to 1,000 in the case doc, the rest in volumes of 5,000. The first `atOnePlace` (default 0) of
 * them all lie at {@link ONE_PLACE} (a place no zoom splits).
 */
export function fillCase(ws: WorkspaceRuntime, caseId: string, n: number, memberId: string, seed: number, atOnePlace = 0): void {
  const next = rng(seed);
  const w = { memberId };
  let made = 0;
  const make = (k: number): { id: string; fields: SeizureFields }[] =>
    Array.from({ length: k }, () => {
      const fields = seizureFields(next);
      return { id: randomUUID(), fields: made++ < atOnePlace ? { ...fields, ...ONE_PLACE } : fields };
    });
  ws.host.with(ws.caseDocName(caseId), (doc) => new CaseDoc(doc).addSeizures(make(Math.min(n, INLINE)), w));
  const rest = Math.max(0, n - INLINE);
  const volumes = Array.from({ length: Math.ceil(rest / VOLUME) }, (_v, i) => i + 1);
  if (!volumes.length) return;
  ws.host.with(ws.caseDocName(caseId), (doc) => listVolumesIn(doc, volumes, w));
  for (const v of volumes) {
    const k = Math.min(VOLUME, rest - (v - 1) * VOLUME);
    ws.host.with(volumeDocName(ws.id, caseId, v), (doc) => new VolumeDoc(doc).insertSeizures(make(k), w));
  }
}

