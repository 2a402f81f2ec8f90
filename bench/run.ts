/**
 * `npm run bench`: every benchmark, each printing lines that start with its id and compare
 * against a baseline measured in the same run (figures and ratios, never a pass/fail timer in
 * the test suite). P1 doc load + W1 write rate (bench/p1-doc-load.ts); P2 relay vs stock
 * y-websocket server (bench/p2-relay.ts); P3 importing a generated 100,000-row seizure CSV through
 * the real import path vs the floor of its design, with peak memory (bench/p3-import.ts); P4 first clustered map render of 100,000 points vs 1,000 in
 * headless Chromium, with the frame time while panning (bench/p4-map.ts); P5 case pack export vs SHA-256 + ZIP of the same bytes
 * (bench/p5-pack.ts); P7 one relay on PostgreSQL + Redis vs one on SQLite, and three processes
 * (bench/p7-cluster.ts); P8 opening a 100,000-seizure case (volume docs + projection) to its first
 * table page and map vs a 1,000-seizure case in headless Chromium (bench/p8-case-open.ts);
 * S1 search latency vs a raw FTS5 query (bench/s1-search.ts); L1 cross-case
 * index build vs a raw SQL join (bench/l1-index.ts), both over 1,000 generated cases with 20,000
 * entities (S1_CASES / S1_ENTITIES for a smaller check); B1 blob intake vs SHA-256 + copy
 * (bench/b1-blob-intake.ts); B2 relay blob transfer vs raw HTTP on loopback (bench/b2-blob-transfer.ts).
 */
import { runP1 } from './p1-doc-load';
import { runP2 } from './p2-relay';
import { runP3 } from './p3-import';
import { runP4 } from './p4-map';
import { runP5 } from './p5-pack';
import { runP7 } from './p7-cluster';
import { runP8 } from './p8-case-open';
import { runS1 } from './s1-search';
import { runL1 } from './l1-index';
import { runB1 } from './b1-blob-intake';
import { runB2 } from './b2-blob-transfer';

async function main(): Promise<void> {
  const only = process.argv.slice(2).map((a) => a.toUpperCase());
  console.log(`NEST Desk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const [id, run] of [
    ['P1', runP1],
    ['P2', runP2],
    ['P3', runP3],
    ['P4', runP4],
    ['P5', runP5],
    ['P7', runP7],
    ['P8', runP8],
    ['S1', runS1],
    ['L1', runL1],
    ['B1', runB1],
    ['B2', runB2],
  ] as const) {
    // `npm run bench -- P7` runs only the benchmarks named.
    if (only.length && !only.includes(id)) continue;
    try {
      for (const line of await run()) console.log(line);
    } catch (err) {
      console.log(`${id} failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
  }
}

// Exit explicitly: the y-websocket clients of P2 leave handles (their reconnect timers and
// sockets' close handshakes) that would otherwise keep `npm run bench` alive after the last line.
void main().finally(() => process.exit());
