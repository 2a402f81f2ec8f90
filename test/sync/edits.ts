/**
 * Random edits for the convergence tests: what a member can do to a workspace's docs, drawn by
 * fast-check and applied to one replica through the typed doc helpers (shared/docs/) on docs
 * retained from that replica's DocHost. Case creation goes through the real `cases.create`
 * handler (case number, case doc init, index entry for admins), so numbering and the index
 * mirror are the production code.
 *
 * Records are picked by their creation order in a per-run {@link Registry} (not by their random
 * ids), so a seed replays the same picks.
 */
import fc from 'fast-check';
import { CaseDoc } from '../../shared/docs/case-doc';
import type { Writer } from '../../shared/docs/records';
import { newCaseFields, type CaseFields } from '../../shared/domain/case';
import { CASE_STATUSES, CRIME_SECTORS, QUANTITY_UNITS, TLP_MARKINGS } from '../../shared/domain/codes';
import { newSeizureFields, type SeizureFields } from '../../shared/domain/seizure';
import type { RouteFields } from '../../shared/domain/route';
import { createCase } from '../../service/cases/create-case';
import type { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';

/**
 * One edit a member makes on their replica. `casePick` chooses among the cases the replica has,
 * `pick` among the live seizures (or routes) of all its cases, modulo their count.
 */
export type Edit =
  | { kind: 'createCase'; title: string; sector: CaseFields['sector']; year: number }
  | { kind: 'caseMeta'; casePick: number; patch: Partial<CaseFields> }
  | { kind: 'summary'; casePick: number; at: number; del: number; text: string }
  | { kind: 'addSeizure'; casePick: number; fields: SeizureFields }
  | { kind: 'updateSeizure'; pick: number; patch: Partial<SeizureFields> }
  | { kind: 'deleteSeizure'; pick: number }
  | { kind: 'addRoute'; casePick: number; fields: RouteFields }
  | { kind: 'deleteRoute'; pick: number };

/** Ids of the records created in one run, in creation order (shared by all replicas of the run). */
export class Registry {
  /** Case ids. */
  readonly cases: string[] = [];
  /** Seizure ids. */
  readonly seizures: string[] = [];
  /** Route ids. */
  readonly routes: string[] = [];
  private n = 0;
  private t = 1_767_225_600_000; // 2026-01-01T00:00:00Z

  /** A fresh record id (UUID-shaped, from a counter so that a seed replays the same ids). */
  nextId(): string {
    this.n++;
    return `00000000-0000-4000-8000-${this.n.toString(16).padStart(12, '0')}`;
  }

  /** A logical clock (ms since epoch) for the `updatedAt`/audit stamps of writes. */
  now = (): number => ++this.t;
}

const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const placeArb = fc.constantFrom('Pasir Panjang', 'Hai Phong', 'Mombasa', 'Lagos', 'Tuas', '');
const commodityArb = fc.constantFrom('elephant ivory', 'pangolin scales', 'rosewood logs', 'shark fin', 'mercury', 'HFC-134a');
const coordsArb = fc.option(fc.tuple(fc.integer({ min: -9000, max: 9000 }), fc.integer({ min: -18000, max: 18000 })).map(([a, b]) => [a / 100, b / 100] as const), { nil: null });
const shortText = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n', 'ß', 'x'), maxLength: 12 });

/** A valid new seizure. */
export const seizureArb: fc.Arbitrary<SeizureFields> = fc
  .record({
    date: dateArb,
    commodity: commodityArb,
    sector: fc.constantFrom(...CRIME_SECTORS),
    quantity: fc.option(fc.integer({ min: 1, max: 1_000_000 }).map((q) => q / 100), { nil: null }),
    unit: fc.constantFrom(...QUANTITY_UNITS),
    coords: coordsArb,
    place: placeArb,
    agencies: fc.subarray(['Customs', 'Police', 'NParks', 'Coast Guard']),
  })
  .map((r) => ({
    ...newSeizureFields(r.date),
    country: 'SG',
    commodity: r.commodity,
    sector: r.sector,
    quantity: r.quantity,
    unit: r.unit,
    place: r.place,
    latitude: r.coords ? r.coords[0] : null,
    longitude: r.coords ? r.coords[1] : null,
    seizingAgencies: r.agencies,
  }));

/** A valid partial update of a seizure (coordinates in pairs; a value only with its currency; a quantity with its unit). */
const seizurePatchArb: fc.Arbitrary<Partial<SeizureFields>> = fc
  .record(
    {
      // A quantity comes with its unit (a reported quantity needs one), as the form asks for both.
      amount: fc.option(fc.tuple(fc.integer({ min: 1, max: 100_000 }).map((q) => q / 10), fc.constantFrom(...QUANTITY_UNITS)), { nil: null }),
      place: placeArb,
      notes: shortText,
      commodity: commodityArb,
      coords: coordsArb,
      value: fc.option(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('USD', 'SGD', 'EUR')), { nil: null }),
      seizureDate: dateArb,
    },
    { requiredKeys: [] },
  )
  .filter((r) => Object.keys(r).length > 0)
  .map(({ coords, value, amount, ...rest }) => ({
    ...rest,
    ...(amount === undefined ? {} : { quantity: amount ? amount[0] : null, unit: amount ? amount[1] : null }),
    ...(coords === undefined ? {} : { latitude: coords ? coords[0] : null, longitude: coords ? coords[1] : null }),
    ...(value === undefined ? {} : { reportedValue: value ? value[0] : null, reportedCurrency: value ? value[1] : null }),
  }));

const caseMetaPatchArb: fc.Arbitrary<Partial<CaseFields>> = fc
  .record(
    {
      title: fc.constantFrom('Ivory via Singapore', 'Timber ring', 'IUU fleet', 'Mercury run', 'Café ß case'),
      status: fc.constantFrom(...CASE_STATUSES),
      sector: fc.constantFrom(...CRIME_SECTORS),
      tlp: fc.constantFrom(...TLP_MARKINGS),
      leadAgency: fc.constantFrom('', 'NParks', 'Customs', 'Interpol'),
      jurisdictions: fc.subarray(['SG', 'VN', 'KE', 'NG']),
    },
    { requiredKeys: [] },
  )
  .filter((r) => Object.keys(r).length > 0)
  // Closing needs a resolution (issue 12); concurrent reopenings still merge into closed cases without one.
  .map((r): Partial<CaseFields> => (r.status === 'closed' ? { ...r, resolution: 'prosecuted' } : r));

const routeArb: fc.Arbitrary<RouteFields> = fc.record({
  name: fc.constantFrom('Mombasa–Hai Phong', 'Lagos–Tuas', 'Overland'),
  points: fc.array(fc.tuple(fc.integer({ min: -90, max: 90 }), fc.integer({ min: -180, max: 180 })).map(([a, b]) => [a, b] as [number, number]), { minLength: 2, maxLength: 4 }),
  notes: shortText,
});

const pick = fc.nat(1000);

/** Any edit, weighted towards seizures and summaries (what task forces edit most). */
export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('createCase' as const), title: fc.constantFrom('Case A', 'Case B', 'Case C'), sector: fc.constantFrom(...CRIME_SECTORS), year: fc.constantFrom(2025, 2026) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('caseMeta' as const), casePick: pick, patch: caseMetaPatchArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('summary' as const), casePick: pick, at: fc.nat(200), del: fc.nat(4), text: shortText }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('addSeizure' as const), casePick: pick, fields: seizureArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('updateSeizure' as const), pick, patch: seizurePatchArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteSeizure' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addRoute' as const), casePick: pick, fields: routeArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRoute' as const), pick }) },
);

/** A short readable form of an edit, for counterexamples. */
export function describeEdit(e: Edit): string {
  switch (e.kind) {
    case 'createCase':
      return `createCase(${JSON.stringify(e.title)},${e.sector},${e.year})`;
    case 'caseMeta':
      return `caseMeta(case#${e.casePick},${JSON.stringify(e.patch)})`;
    case 'summary':
      return `summary(case#${e.casePick},at ${e.at},del ${e.del},${JSON.stringify(e.text)})`;
    case 'addSeizure':
      return `addSeizure(case#${e.casePick},${e.fields.commodity}@${e.fields.place || '-'})`;
    case 'updateSeizure':
      return `updateSeizure(s#${e.pick},${JSON.stringify(e.patch)})`;
    case 'deleteSeizure':
      return `deleteSeizure(s#${e.pick})`;
    case 'addRoute':
      return `addRoute(case#${e.casePick},${e.fields.name})`;
    case 'deleteRoute':
      return `deleteRoute(r#${e.pick})`;
  }
}

/** Who edits on a replica. */
export interface Editor {
  rt: WorkspaceRuntime;
  memberId: string;
  registry: Registry;
}

/** Case ids this replica has (an initialised case doc in its store), in creation order. */
export function localCases(rt: WorkspaceRuntime, registry: Registry): string[] {
  return registry.cases.filter((id) => {
    const name = rt.caseDocName(id);
    if (!rt.host.exists(name)) return false;
    return rt.host.with(name, (doc) => new CaseDoc(doc).isInitialised());
  });
}

/**
 * Applies `e` on the editor's replica. An edit whose target does not exist there (no case yet,
 * no live seizure) is skipped. Returns what was done, or null when skipped.
 */
export async function applyEdit(ed: Editor, e: Edit): Promise<string | null> {
  const { rt, registry } = ed;
  const w: Writer = { memberId: ed.memberId, now: registry.now };
  if (e.kind === 'createCase') {
    // The real case creation of `cases.create`: next free number, case doc init, index entry when the member is an admin.
    const fields: CaseFields = { ...newCaseFields(`${e.year}-03-01`), title: e.title, sector: e.sector };
    const row = createCase(rt, fields);
    registry.cases.push(row.id);
    return `created ${row.number}`;
  }
  const cases = localCases(rt, registry);
  if (cases.length === 0) return null;
  if (e.kind === 'updateSeizure' || e.kind === 'deleteSeizure' || e.kind === 'deleteRoute') {
    // Pick among the live records of every case this replica has, in creation order.
    const owner = new Map<string, string>();
    for (const caseId of cases) {
      withCase(rt, caseId, (cd) => {
        const live = e.kind === 'deleteRoute' ? cd.listRoutes() : cd.listSeizures();
        for (const r of live) owner.set(r.id, caseId);
      });
    }
    const ids = (e.kind === 'deleteRoute' ? registry.routes : registry.seizures).filter((id) => owner.has(id));
    if (ids.length === 0) return null;
    const id = ids[e.pick % ids.length]!;
    return withCase(rt, owner.get(id)!, (cd) => {
      if (e.kind === 'deleteRoute') cd.deleteRoute(id, w);
      else if (e.kind === 'deleteSeizure') cd.deleteSeizure(id, w);
      else cd.updateSeizure(id, e.patch, w);
      return e.kind;
    });
  }
  return withCase(rt, cases[e.casePick % cases.length]!, (cd) => {
    switch (e.kind) {
      case 'caseMeta':
        cd.updateMeta(e.patch, w);
        return 'meta';
      case 'summary': {
        const cur = cd.readSummary();
        const at = e.at % (cur.length + 1);
        cd.setSummary(cur.slice(0, at) + e.text + cur.slice(Math.min(cur.length, at + e.del)), w);
        return 'summary';
      }
      case 'addSeizure': {
        const id = registry.nextId();
        cd.addSeizure(id, e.fields, w);
        registry.seizures.push(id);
        return 'added';
      }
      case 'addRoute': {
        const id = registry.nextId();
        cd.addRoutes([{ id, fields: e.fields }], w);
        registry.routes.push(id);
        return 'route';
      }
    }
  });
}

/** Runs `fn` on a case doc retained from the replica's DocHost (released afterwards, as the UI does). */
function withCase<T>(rt: WorkspaceRuntime, caseId: string, fn: (cd: CaseDoc) => T): T {
  const name = rt.caseDocName(caseId);
  const doc = rt.host.retain(name);
  try {
    return fn(new CaseDoc(doc));
  } finally {
    rt.host.release(name);
  }
}
