/**
 * Benchmark L1: building the cross-case identifier index of a task force's cases, against a raw
 * SQL join doing the same matching, in the same run.
 *
 * Workload: bench/s1-corpus.ts (S1_CASES cases, default 1,000, with S1_ENTITIES entities, default
 * 20,000; many identifiers recur across cases).
 * - ours: the index as the app's rebuild builds it — `IdentifierIndexWriter.bulk()` around
 *   `clear()` and `writeCase()` for every case doc (reading and validating each live entity from
 *   the Y.Doc, `strongIdentifiers()`: canonical identifiers and folded names), then
 *   `IdentifierQueries.shared()`, the workspace view of every value two or more cases share;
 * - baseline: the same (case, entity, scheme, value) rows computed beforehand (not timed), bulk
 *   inserted into a bare table with one index, and one SQL self-join listing the values found in
 *   two or more cases with their cases and entities.
 * Ratio = ours ms ÷ baseline ms, the median of L1_PAIRS (default 5, at least 3) alternating pairs
 * (the CPU-time ratio printed beside it). Goal ≤ 2. Both find the same
 * number of shared values (checked; a mismatch fails the run).
 *
 * `runL1()` returns printable lines starting with "L1 "; `npx tsx bench/l1-index.ts` prints them.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { IdentifierIndexWriter } from '../service/projections/identifier-index';
import { IdentifierQueries } from '../service/projections/identifier-queries';
import { strongIdentifiers } from '../shared/domain/entities';
import { buildCorpus } from './s1-corpus';
import { fmt } from './stats';

/** Runs L1 and returns its lines. */
export async function runL1(): Promise<string[]> {
  const cases = Number(process.env.S1_CASES ?? 1000);
  const entities = Number(process.env.S1_ENTITIES ?? 20000);
  const corpus = buildCorpus(cases, entities);
  try {
    const { db, docs } = corpus;
    const writer = new IdentifierIndexWriter(db);
    const reader = new IdentifierQueries(db);
    const ours = (): number => {
      // As Projector.rebuild does it: one bulk load (one transaction, the value index built at the end).
      writer.bulk(() => {
        writer.clear();
        for (const [caseId, cd] of docs) writer.writeCase(caseId, cd);
      });
      return reader.shared(() => true, 1_000_000).length;
    };

    // The baseline's input: the same rows, computed outside the timing.
    const rows: [string, string, string, string][] = [];
    for (const [caseId, cd] of docs) for (const e of cd.listEntities()) for (const id of strongIdentifiers(e)) rows.push([caseId, e.id, id.scheme, id.value]);
    db.exec('CREATE TABLE IF NOT EXISTS l1_raw (case_id TEXT, entity_id TEXT, kind TEXT, value TEXT, PRIMARY KEY (case_id, entity_id, kind, value))');
    const insert = db.prepare('INSERT OR IGNORE INTO l1_raw VALUES (?, ?, ?, ?)');
    const join = db.prepare(
      `SELECT a.kind, a.value, a.case_id, a.entity_id FROM l1_raw a
       WHERE EXISTS (SELECT 1 FROM l1_raw b WHERE b.kind = a.kind AND b.value = a.value AND b.case_id <> a.case_id)
       ORDER BY a.kind, a.value`,
    );
    const baseline = (): number => {
      db.transaction(() => {
        db.exec('DROP INDEX IF EXISTS l1_raw_by_value; DELETE FROM l1_raw');
        for (const r of rows) insert.run(r);
        db.exec('CREATE INDEX l1_raw_by_value ON l1_raw (kind, value, case_id)');
      })();
      return new Set((join.all() as { kind: string; value: string }[]).map((r) => `${r.kind}\u0000${r.value}`)).size;
    };

    ours();
    baseline();
    // Wall time is the figure; CPU time (this process: the SQLite work runs on this thread) is
    // printed beside it because on a shared, overloaded machine wall time measures the queue.
    const pairs: { ours: number; base: number; oursCpu: number; baseCpu: number; sharedOurs: number; sharedBase: number }[] = [];
    const n = Math.max(3, Number(process.env.L1_PAIRS ?? 5));
    for (let i = 0; i < n; i++) {
      const time = (fn: () => number): [number, number, number] => {
        const c = process.cpuUsage();
        const s = performance.now();
        const k = fn();
        const wall = performance.now() - s;
        const u = process.cpuUsage(c);
        return [wall, (u.user + u.system) / 1000, k];
      };
      const first = i % 2 === 0;
      const a = first ? time(ours) : time(baseline);
      const b = first ? time(baseline) : time(ours);
      const [o, b2] = first ? [a, b] : [b, a];
      pairs.push({ ours: o[0], base: b2[0], oursCpu: o[1], baseCpu: b2[1], sharedOurs: o[2], sharedBase: b2[2] });
    }
    if (pairs.some((p) => p.sharedOurs !== p.sharedBase)) throw new Error(`shared values differ: ours ${pairs[0]!.sharedOurs}, join ${pairs[0]!.sharedBase}`);
    const half = Math.floor(n / 2);
    const ratios = pairs.map((p) => p.ours / p.base).sort((x, y) => x - y);
    const cpuRatios = pairs.map((p) => p.oursCpu / p.baseCpu).sort((x, y) => x - y);
    const mid = pairs.map((p) => p).sort((x, y) => x.ours / x.base - y.ours / y.base)[half]!;
    return [
      `L1 corpus: ${cases} cases, ${entities} entities, ${rows.length} identifier rows, ${mid.sharedOurs} values shared by >= 2 cases`,
      `L1 ours index build + shared view: ${fmt(mid.ours, 1)} ms (CPU ${fmt(mid.oursCpu, 1)} ms); raw insert + SQL join: ${fmt(mid.base, 1)} ms (CPU ${fmt(mid.baseCpu, 1)} ms)`,
      `L1 ratio ours/raw = ${fmt(ratios[half]!)} (goal <= 2; the ${n} pairs ${ratios.map((r) => fmt(r)).join(', ')}); CPU time ratio ${fmt(cpuRatios[half]!)}`,
    ];
  } finally {
    corpus.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runL1().then((lines) => {
    for (const l of lines) console.log(l);
  });
}
