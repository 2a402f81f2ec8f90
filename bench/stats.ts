/**
 * Small timing helpers for benchmarks: median of repeated runs, formatting.
 */
import { performance } from 'node:perf_hooks';

/** Runs `fn` `runs` times (after one warm-up) and returns the median duration in ms. */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A number with `digits` decimals. */
export function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}
