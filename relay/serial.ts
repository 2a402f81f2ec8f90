/**
 * Runs async tasks one at a time, in the order given. The hub runs its ticks (apply, append,
 * send) and maintenance (compaction, unloading) through one of these, so a compaction never sees
 * a doc holding updates whose append has not finished.
 */

/** A one-at-a-time task runner. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task given before it; resolves or rejects with its result. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
