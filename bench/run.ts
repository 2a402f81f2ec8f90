/**
 * `npm run bench`: every benchmark, each printing lines that start with its id and compare
 * against a baseline measured in the same run (figures and ratios, never a pass/fail timer in
 * the test suite). P1 doc load + W1 write rate (bench/p1-doc-load.ts); P2 relay vs stock
 * y-websocket server (bench/p2-relay.ts); P5 case pack export vs SHA-256 + ZIP of the same bytes
 * (bench/p5-pack.ts); B1 blob intake vs SHA-256 + copy (bench/b1-blob-intake.ts); B2 relay blob
 * transfer vs raw HTTP on loopback (bench/b2-blob-transfer.ts).
 */
import { runP1 } from './p1-doc-load';
import { runP2 } from './p2-relay';
import { runP5 } from './p5-pack';
import { runB1 } from './b1-blob-intake';
import { runB2 } from './b2-blob-transfer';

async function main(): Promise<void> {
  console.log(`NEST Desk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const [id, run] of [
    ['P1', runP1],
    ['P2', runP2],
    ['P5', runP5],
    ['B1', runB1],
    ['B2', runB2],
  ] as const) {
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
