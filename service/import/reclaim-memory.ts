/**
 * A full garbage collection on demand, for the import's writing (write-import.ts): a volume the
 * import has written and unloaded leaves ~55 MB of Yjs structures in the old generation, which V8
 * frees only at its next mark-compact, and V8 lets the heap grow far before it runs one — at
 * 100,000 rows the main heap reached ~790 MB of mostly unloaded volumes (docs/architecture.md
 * "P3", peak memory). Collecting after every few volumes holds the heap near what is live.
 *
 * The collector is reached as jest's leak detector reaches it: `--expose-gc` set at run time and
 * `gc` taken from a fresh context, so neither Electron's nor Node's command line needs the flag.
 * When that is refused, collecting is skipped (V8 then collects on its own schedule).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Volumes a reader or writer unloads between two full collections: each leaves ~55 MB (5,000
 * seizures) of old-generation garbage, so four keep the heap's growth near 0.25 GB.
 */
export const RECLAIM_EVERY_VOLUMES = 4;

let collector: (() => void) | null | undefined;

/** Runs a full (mark-compact) garbage collection when the runtime allows it; otherwise does nothing. */
export function reclaimMemory(): void {
  if (collector === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (exposed) collector = exposed;
      else {
        v8.setFlagsFromString('--expose-gc');
        const gc: unknown = vm.runInNewContext('gc');
        collector = typeof gc === 'function' ? (gc as () => void) : null;
      }
    } catch {
      collector = null;
    }
  }
  collector?.();
}
