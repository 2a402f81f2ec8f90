/**
 * The demo workspace: built on first use from the app's own copy of the public seizure data set
 * (resources/demo/seizures-public.csv, 59 publicly reported seizures 2012–2025, each citing its
 * source page), one case per crime sector, so a newcomer sees a realistic workspace at once, and a
 * small cited price list (resources/demo/prices.csv) with the seizures it fits valued, so the
 * estimate screens show a worked estimate.
 *
 * Everything the demo writes is attributed to {@link DEMO_SOURCE}, a member record of the demo
 * workspace that stands for the public sources, never to the person who opened the demo: the
 * history and the audit must not say that they recorded 59 seizures they never saw.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { appPath } from '../../node/store/app-root';
import { CRIME_SECTOR_LABELS, type CrimeSector } from '../../shared/domain/codes';
import type { SeizureFields } from '../../shared/domain/seizure';
import type { Member } from '../../shared/domain/member';
import type { PriceReferenceFields } from '../../shared/domain/price-reference';
import { ReferenceLists } from '../../shared/docs/reference-lists';
import { CaseValuations } from '../../shared/docs/case-valuations';
import type { Writer } from '../../shared/docs/records';
import { parsePriceReferenceCsv } from '../../shared/valuation/price-csv';
import { NestError } from '../../shared/errors';
import { createCase } from '../cases/create-case';
import { parseImportFile } from '../import';
import type { Clock, Workspaces } from '../rpc/context';
import type { WorkspaceRuntime } from './workspace-runtime';

/** The bundled data files and where they come from, shown in the app's "About the data". */
export function bundledSources(): { title: string; url: string; note: string }[] {
  return [
    {
      title: 'Publicly reported environmental-crime seizures, 2012–2025 (59 records)',
      url: '',
      note: 'Compiled from customs and police press releases, news and trade press; every seizure cites its source page (title and URL). Values are as reported, not verified; coordinates are approximate place centroids. See the per-record caveats in the data set README.',
    },
    {
      title: 'European Central Bank euro foreign exchange reference rates',
      url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
      note: 'Daily reference rates 1999-01-04 to 2025-05-09, reusable with the source named.',
    },
  ];
}

const CASE_TITLES: Record<CrimeSector, string> = {
  wildlife: 'Ivory, pangolin scale and rhino horn shipments (public reports)',
  forestry: 'Rosewood and illegal timber consignments (public reports)',
  fisheries: 'IUU fishing vessels and illegal catch (public reports)',
  mining: 'Illegal gold and mercury trade (public reports)',
  waste: 'Illegal waste shipments and return orders (public reports)',
  ods: 'Smuggled refrigerants and ODS (public reports)',
  other: 'Other environmental crime (public reports)',
};

/**
 * The author of the demo's records: a member record (role observer, so it can never act) that
 * names the public sources. `joinedAt` 0: it stands for data, not for a person who joined.
 */
export const DEMO_SOURCE: Member = { id: 'demo-public-sources', name: 'Public sources (demo data)', agency: 'Press releases and news reports', role: 'observer', joinedAt: 0 };

/**
 * Which demo price (by its `commodity`) values a seizure of commodity `commodity`, or null. Only an
 * exact fit: raw ivory tusks and pangolin scales; carved ivory is another market and stays unvalued.
 */
export function demoPriceFor(commodity: string): string | null {
  const c = commodity.trim().toLowerCase();
  if (c === 'elephant ivory' || c === 'elephant ivory (tusks)' || c === 'elephant ivory (raw tusks)') return 'elephant ivory (raw tusks)';
  if (c === 'pangolin scales') return 'pangolin scales';
  return null;
}

/** Units a per-kg price can value exactly (mass units; shared/valuation/units.ts converts them). */
const MASS_UNITS = new Set(['g', 'kg', 't']);

/**
 * The demo's price list from resources/demo/prices.csv.
 * @throws NestError('import-failed') when a row of the bundled file is refused (a packaging error).
 */
function demoPrices(): { id: string; fields: PriceReferenceFields }[] {
  const parsed = parsePriceReferenceCsv(fs.readFileSync(appPath('resources', 'demo', 'prices.csv'), 'utf8'));
  if (parsed.rejected.length) throw new NestError('import-failed', { id: 'service.demo.prices-unreadable', values: { reason: parsed.rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ') } });
  return parsed.accepted.map((r) => ({ id: randomUUID(), fields: r.fields }));
}

let building: Promise<WorkspaceRuntime> | null = null;

/**
 * Returns the demo workspace, building it on first use (concurrent callers share one build). Its
 * cases are opened today (`clock`), so they are numbered for the current year.
 * @throws NestError('no-identity') before first run; NestError('import-failed') if the bundled file is unreadable.
 */
export function openDemoWorkspace(workspaces: Workspaces, clock: Clock): Promise<WorkspaceRuntime> {
  const existing = workspaces.list().find((w) => w.demo && !w.problem);
  if (existing) return Promise.resolve(workspaces.get(existing.id));
  building ??= Promise.resolve()
    .then(() => buildDemo(workspaces, clock.today()))
    .finally(() => {
      building = null;
    });
  return building;
}

function buildDemo(workspaces: Workspaces, today: string): WorkspaceRuntime {
  const file = appPath('resources', 'demo', 'seizures-public.csv');
  const parsed = parseImportFile({ fileName: 'seizures-public.csv', bytes: new Uint8Array(fs.readFileSync(file)) });
  const ws = workspaces.create({ name: 'Demo — public seizure reports', casePrefix: 'DEMO', reportingCurrency: 'USD' }, { demo: true });
  const index = ws.workspaceDoc();
  // The local admin (the workspace's founder) adds the sources' record; the sources write the rest.
  index.upsertMember(DEMO_SOURCE, { memberId: ws.local().memberId });
  const source: Writer = { memberId: DEMO_SOURCE.id };
  const prices = demoPrices();
  new ReferenceLists(index.doc).addPriceReferences(prices, source);
  const priceByCommodity = new Map(prices.map((p) => [p.fields.commodity, p.id]));
  const bySector = new Map<CrimeSector, SeizureFields[]>();
  for (const s of parsed.seizures) {
    const list = bySector.get(s.fields.sector) ?? [];
    list.push(s.fields);
    bySector.set(s.fields.sector, list);
  }
  for (const [sector, seizures] of [...bySector].sort((a, b) => b[1].length - a[1].length)) {
    const dates = seizures.map((s) => s.seizureDate).sort();
    const countries = [...new Set(seizures.map((s) => s.country))].sort();
    const fields = { title: CASE_TITLES[sector], status: 'investigating' as const, sector, tlp: 'CLEAR' as const, jurisdictions: countries.slice(0, 20), leadAgency: 'Demo — public sources', openedOn: today };
    createCase(ws, fields, (cd, writer) => {
      const records = seizures.map((f) => ({ id: randomUUID(), fields: f }));
      cd.setSummary(
        `${seizures.length} publicly reported ${CRIME_SECTOR_LABELS[sector].toLowerCase()} seizures from ${dates[0]} to ${dates[dates.length - 1]}, ` +
          `in ${countries.length} ${countries.length === 1 ? 'country' : 'countries'}. Each seizure cites the public page it comes from (see its source). ` +
          'Values are as the authorities or the press reported them, not verified; coordinates are approximate centroids of the named place.',
        writer,
      );
      cd.importRecords({ seizures: records, routes: [], source: 'seizures-public.csv (bundled demo data)' }, writer);
      const valuations = new CaseValuations(cd.doc);
      for (const r of records) {
        const commodity = demoPriceFor(r.fields.commodity);
        const priceId = commodity === null ? undefined : priceByCommodity.get(commodity);
        if (!priceId || r.fields.quantity === null || r.fields.unit === null || !MASS_UNITS.has(r.fields.unit)) continue;
        valuations.addValuation(randomUUID(), { seizureId: r.id, priceReferenceId: priceId, factor: null, notes: 'Demo: valued with the demo price list (resources/demo/prices.csv).' }, writer);
      }
    }, undefined, source);
  }
  return ws;
}
