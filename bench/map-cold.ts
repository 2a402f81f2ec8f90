/**
 * The data service's cold map of a large case (docs/map.md "Clusters made on the data service"):
 * a fresh data service on a folder holding a P8_SEIZURES (100,000) seizure case
 * (bench/p8-workload.ts), then the calls a first opening of its map makes — `map.overview`, then
 * `map.clusters` of the fitted view — timed over the in-memory transport, cold (index built) and
 * warm (answered from the cache). Also `map.leaves` of the view's largest cluster.
 *
 * `MAP_COLD_DIR`: keep the written folder there and reuse it on the next run (writing 100,000
 * seizures through the docs takes minutes). Profile with `node --cpu-prof --import tsx bench/map-cold.ts`.
 * `runMapCold()` returns printable lines starting with "MAP-COLD ".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataService } from '../service/data-service';
import { DataClient } from '../renderer/src/data/client';
import { createLogger } from '../node/log';
import { newCaseFields } from '../shared/domain/case';
import { fillCase } from './p8-workload';
import { transportPair } from '../test/helpers/transport-pair';
import { fmt } from './stats';

/** The fitted first view of the workload's eight ports (west, south, east, north) and its zoom. */
const VIEW: [number, number, number, number] = [-10, -20, 130, 35];
const ZOOM = 3;

/** Opens a data service on `dataDir` with a client over an in-memory transport. */
function open(dataDir: string): { service: DataService; client: DataClient } {
  const service = DataService.open({ dataDir, mode: 'browser', logger: createLogger('bench', 'error') });
  const [a, b] = transportPair();
  service.connect(a);
  return { service, client: new DataClient(b) };
}

/** Runs the measure and returns its lines. */
export async function runMapCold(): Promise<string[]> {
  const n = Number(process.env.P8_SEIZURES ?? 100_000);
  const keep = process.env.MAP_COLD_DIR;
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nest-mapcold-'));
  const marker = path.join(dataDir, 'map-cold.json');
  let ids: { ws: string; caseId: string };
  if (keep && fs.existsSync(marker)) ids = JSON.parse(fs.readFileSync(marker, 'utf8')) as { ws: string; caseId: string };
  else {
    fs.mkdirSync(dataDir, { recursive: true });
    const { service, client } = open(dataDir);
    const me = await client.call('identity.create', { name: 'Bench', agency: 'NEST', role: 'admin' });
    const summary = await client.call('workspaces.create', { name: 'Cold map', casePrefix: 'NEST', reportingCurrency: 'USD' });
    const caseId = (await client.call('cases.create', { workspaceId: summary.id, fields: { ...newCaseFields('2026-01-01'), title: 'National register' } })).id;
    fillCase(service.workspace(summary.id), caseId, n, me.memberId, 2);
    service.close();
    ids = { ws: summary.id, caseId };
    fs.writeFileSync(marker, JSON.stringify(ids));
  }
  const { service, client } = open(dataDir);
  try {
    // Opening the workspace is not the map's work: done before the clock starts.
    await client.call('cases.get', { workspaceId: ids.ws, caseId: ids.caseId });
    const scope = { workspaceId: ids.ws, caseId: ids.caseId };
    const time = async (): Promise<{ overview: number; clusters: number; total: number; biggest: number }> => {
      const t0 = performance.now();
      const o = await client.call('map.overview', scope);
      const t1 = performance.now();
      const c = await client.call('map.clusters', { ...scope, bbox: VIEW, zoom: ZOOM });
      const t2 = performance.now();
      const biggest = Math.max(...c.items.map((it) => (it.kind === 'cluster' ? it.count : 1)));
      return { overview: t1 - t0, clusters: t2 - t1, total: o.total, biggest };
    };
    const cold = await time();
    const warm = await time();
    return [
      `MAP-COLD ${cold.total.toLocaleString('en')} mapped seizures: cold overview ${fmt(cold.overview, 0)} ms + first clusters ${fmt(cold.clusters, 0)} ms = ${fmt(cold.overview + cold.clusters, 0)} ms; warm ${fmt(warm.overview + warm.clusters, 1)} ms`,
      `MAP-COLD zoom ${ZOOM} biggest item ${cold.biggest.toLocaleString('en')}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    ];
  } finally {
    service.close();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  void runMapCold().then((lines) => console.log(lines.join('\n')));
}
