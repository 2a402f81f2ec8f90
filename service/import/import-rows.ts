/**
 * The rows an import writes (write-import.ts), in file order, handed to the writer as it needs
 * them: from a list (the whole file parsed first: an import into a new case, the preview's
 * counts) or as a parse streamed from the import worker delivers them (an import into a case:
 * the writer fills the first volumes while the worker still checks later rows, so reading and
 * writing overlap on two threads; docs/architecture.md "P3").
 */
import type { RaisedReviewFlag, SeizureFields } from '../../shared/domain/seizure';

/** One valid row to write: fields that passed `seizureFieldsSchema` (the parser checked them), its review flags, its file line. */
export interface ImportRow {
  fields: SeizureFields;
  review?: readonly RaisedReviewFlag[];
  /** The row's line in the file (as in the report); absent for rows not read from a file. */
  line?: number;
}

/** Where the writer takes its rows from. Rows left out (duplicates the user skips) are never given. */
export interface RowSource {
  /** How many rows will be given at most: exact for a list, an upper bound while a stream runs (its data rows). */
  readonly bound: number;
  /** True when {@link bound} is the exact count. */
  readonly exact: boolean;
  /** Resolves with the exact count of rows to give once every row is known (at once for a list). */
  settled(): Promise<number>;
  /**
   * The next `count` rows, fewer only when the rows end; resolves once they are there. Each row
   * is given once and then dropped by the source (a large file's rows are freed as written).
   * @throws the parse's error when a stream fails before its rows end.
   */
  take(count: number): Promise<ImportRow[]>;
}

/**
 * The rows of `rows` but those at the indexes in `skip`, in order. Handed over: each slot is
 * emptied (set to undefined) as it is taken; the caller must not read them afterwards.
 */
export function listRows(rows: (ImportRow | undefined)[], skip: ReadonlySet<number> = new Set()): RowSource {
  let cursor = 0;
  const count = rows.length - skip.size;
  return {
    bound: count,
    exact: true,
    settled: () => Promise.resolve(count),
    take(n: number): Promise<ImportRow[]> {
      const out: ImportRow[] = [];
      while (out.length < n && cursor < rows.length) {
        const row = rows[cursor];
        rows[cursor] = undefined;
        if (row && !skip.has(cursor)) out.push(row);
        cursor++;
      }
      return Promise.resolve(out);
    },
  };
}

/**
 * Rows arriving in batches from a streamed parse ({@link push}, then {@link end} or
 * {@link fail}). `keep` decides each row as it arrives (the duplicate check: false leaves it
 * out). Until the end, {@link bound} is the file's data rows less those left out so far.
 */
export class StreamedRows implements RowSource {
  private queue: ImportRow[] = [];
  private head = 0;
  private ended = false;
  private error: Error | null = null;
  private kept = 0;
  private left = 0;
  private waiter: (() => void) | null = null;
  private readonly endWaiters: (() => void)[] = [];

  /** `dataRows`: the file's data rows or features (parseImportFile's `onTable`), an upper bound of the valid rows. */
  constructor(
    private readonly dataRows: number,
    private readonly keep: (row: ImportRow & { line: number }) => boolean,
  ) {}

  get bound(): number {
    return this.ended ? this.kept : this.dataRows - this.left;
  }

  get exact(): boolean {
    return this.ended;
  }

  /** Adds a batch of valid rows, in file order. */
  push(batch: readonly (ImportRow & { line: number })[]): void {
    for (const row of batch) {
      if (this.keep(row)) {
        this.queue.push(row);
        this.kept++;
      } else this.left++;
    }
    this.wake();
  }

  /** Every row has arrived. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The parse failed: rows already given stay given; a {@link take} waiting for more throws `err`. */
  fail(err: Error): void {
    this.error = err;
    this.ended = true;
    this.wake();
  }

  settled(): Promise<number> {
    if (this.ended) return this.error ? Promise.reject(this.error) : Promise.resolve(this.kept);
    return new Promise<number>((resolve, reject) => this.endWaiters.push(() => (this.error ? reject(this.error) : resolve(this.kept))));
  }

  async take(count: number): Promise<ImportRow[]> {
    while (this.queue.length - this.head < count && !this.ended) await new Promise<void>((resolve) => (this.waiter = resolve));
    if (this.error && this.queue.length - this.head < count) throw this.error;
    const out = this.queue.slice(this.head, this.head + count);
    this.head += out.length;
    // Drop what was given, now and then, so the queue never holds written rows for long.
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
    if (this.ended) for (const e of this.endWaiters.splice(0)) e();
  }
}
