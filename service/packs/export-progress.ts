/**
 * The running state of one pack export: which phase it is in and how far (reported through
 * `report`, shared/rpc/packs.ts `PacksProgress`), a yield to the event loop every
 * {@link YIELD_EVERY} units of work so the data service keeps answering other windows, sync and
 * RPCs during a long export, and cancellation: once `signal` is aborted, the next step throws
 * NestError('cancelled') and the export unwinds (the ZIP writer removes its partial file).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { NestError } from '../../shared/errors';
import type { PackPhase, PacksProgress } from '../../shared/rpc/packs';

/** Units of work (seizures, rows, docs) between two yields to the event loop. */
export const YIELD_EVERY = 500;

/** A phase's progress as reported (the export's ids are added by the caller). */
export type PhaseProgress = Pick<PacksProgress, 'phase' | 'done' | 'total' | 'filesDone' | 'totalFiles'>;

/** One export's phase, counters, yields and cancellation. */
export class ExportRun {
  private current: PhaseProgress = { phase: 'read', done: 0, total: null };
  private sinceYield = 0;

  /**
   * @param report receives every phase start, every step and the end of each phase.
   * @param signal aborted to cancel the export (checked at each step).
   * @param every units of work between yields (default {@link YIELD_EVERY}).
   */
  constructor(
    private readonly report: (p: PhaseProgress) => void = () => undefined,
    private readonly signal?: AbortSignal,
    private readonly every = YIELD_EVERY,
  ) {}

  /** The phase now and how far it is. */
  get progress(): PhaseProgress {
    return this.current;
  }

  /**
   * Starts `phase` with `total` units (null: not known yet), reports it and yields once.
   * @throws NestError('cancelled') when the export was cancelled.
   */
  async begin(phase: PackPhase, total: number | null): Promise<void> {
    this.current = { phase, done: 0, total };
    this.report(this.current);
    await this.pause();
  }

  /** Reports the export complete (its last report; past cancelling: the pack is written). */
  finish(): void {
    this.current = { phase: 'complete', done: 1, total: 1 };
    this.report(this.current);
  }

  /** Sets the current phase's total once it is known (reported). */
  setTotal(total: number): void {
    this.current = { ...this.current, total, done: Math.min(this.current.done, total) };
    this.report(this.current);
  }

  /**
   * Counts `n` more units of the current phase (never past its total), reports it, and yields to
   * the event loop once {@link YIELD_EVERY} units have passed since the last yield.
   * @throws NestError('cancelled') when the export was cancelled.
   */
  async step(n = 1): Promise<void> {
    this.advance(n);
    this.sinceYield += n;
    if (this.sinceYield >= this.every) await this.pause();
  }

  /** Counts `n` units without yielding (for callbacks that cannot wait, e.g. the ZIP writer's chunks); reports it. */
  advance(n: number, files?: { filesDone: number; totalFiles: number }): void {
    const done = this.current.total === null ? this.current.done + n : Math.min(this.current.total, this.current.done + n);
    this.current = { ...this.current, done, ...(files ?? {}) };
    this.report(this.current);
  }

  /**
   * Gives the event loop one turn (timers, I/O and other RPCs run), then checks for cancellation.
   * @throws NestError('cancelled') when the export was cancelled.
   */
  async pause(): Promise<void> {
    this.sinceYield = 0;
    this.check();
    await nextTurn();
    this.check();
  }

  /** @throws NestError('cancelled') when the export was cancelled. */
  check(): void {
    if (this.signal?.aborted) throw new NestError('cancelled', { id: 'pack.export.cancelled' });
  }

  /** The cancellation signal (the ZIP writer stops its streams on it). */
  get aborted(): AbortSignal | undefined {
    return this.signal;
  }
}
