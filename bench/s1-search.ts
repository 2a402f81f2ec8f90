/**
 * Benchmark S1: search latency over a task force's case files, against a raw FTS5 query on the
 * same rows, in the same run.
 *
 * Workload: bench/s1-corpus.ts — S1_CASES (default 1,000) generated cases holding S1_ENTITIES
 * (default 20,000) entities, projected by the real Projector (cases, entities with identifiers
 * and links' sources in `search_fts`). Queries: names and identifiers as a user types them
 * ("IMO 9123453", "Ocean Star", a passport number, an e-mail address), each run once per round.
 * - ours: `ProjectionQueries.search(text, 50)` — what `search.query` runs: the query built from
 *   the typed words (fts-query.ts), bm25 rank, the case number joined, title highlight and snippet;
 * - baseline: the same MATCH expression as a bare prepared FTS5 statement
 *   (`SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50`).
 * Each query runs ours then the baseline (alternating which goes first), 3 rounds after a warm-up
 * round; p50 and p99 of each over all timed runs. Goal: ours p99 ≤ 1.5 × baseline p99.
 *
 * `runS1()` returns printable lines starting with "S1 "; `npx tsx bench/s1-search.ts` prints them.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ProjectionQueries } from '../service/projections/queries';
import { ftsQuery } from '../service/projections/fts-query';
import { buildCorpus } from './s1-corpus';
import { fmt } from './stats';

/** The `q` quantile (0–1) of sorted `xs`. */
function quantile(xs: number[], q: number): number {
  return xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
}

/** Runs S1 and returns its lines. */
export async function runS1(): Promise<string[]> {
  const cases = Number(process.env.S1_CASES ?? 1000);
  const entities = Number(process.env.S1_ENTITIES ?? 20000);
  const t0 = performance.now();
  const corpus = buildCorpus(cases, entities);
  const built = performance.now() - t0;
  try {
    const queries = new ProjectionQueries(corpus.db);
    const raw = corpus.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50');
    const terms = corpus.terms.slice(0, 400);
    const ours: number[] = [];
    const base: number[] = [];
    let hits = 0;
    for (let round = 0; round < 4; round++) {
      terms.forEach((text, i) => {
        const runOurs = (): void => {
          const s = performance.now();
          const n = queries.search(text, 50).length;
          if (round > 0) ours.push(performance.now() - s);
          hits += round === 1 ? n : 0;
        };
        const runBase = (): void => {
          const s = performance.now();
          raw.all(ftsQuery(text));
          if (round > 0) base.push(performance.now() - s);
        };
        if ((i + round) % 2 === 0) {
          runOurs();
          runBase();
        } else {
          runBase();
          runOurs();
        }
      });
    }
    ours.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    const rows = corpus.db.prepare('SELECT COUNT(*) FROM search_fts').pluck().get() as number;
    const p99 = quantile(ours, 0.99) / quantile(base, 0.99);
    return [
      `S1 corpus: ${cases} cases, ${entities} entities, ${rows} FTS rows, built and projected in ${fmt(built / 1000, 1)} s; ${terms.length} queries × 3 rounds, ${fmt(hits / terms.length, 1)} hits per query`,
      `S1 ours search.query: p50 ${fmt(quantile(ours, 0.5), 3)} ms, p99 ${fmt(quantile(ours, 0.99), 3)} ms`,
      `S1 raw FTS5 MATCH:    p50 ${fmt(quantile(base, 0.5), 3)} ms, p99 ${fmt(quantile(base, 0.99), 3)} ms`,
      `S1 ratio p99 ours/raw = ${fmt(p99)} (goal <= 1.5), p50 ${fmt(quantile(ours, 0.5) / quantile(base, 0.5))}`,
    ];
  } finally {
    corpus.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runS1().then((lines) => {
    for (const l of lines) console.log(l);
  });
}
