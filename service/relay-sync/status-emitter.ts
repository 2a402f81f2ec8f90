/**
 * Pushes a sync engine's status to the UI (`sync.status` events): only when it changed, at most
 * once per burst of local edits (typing makes an update per keystroke), and once more when the
 * next waiting doc becomes overdue, so its warning shows without any other event (doc-health.ts).
 */
import type { DocHealthBook } from './doc-health';
import type { WorkspaceSyncStatus } from './sync-engine';

/** ms a burst of changes is gathered before one status goes out. */
const BURST_MS = 250;

/** What a {@link StatusEmitter} needs. */
export interface StatusEmitterOptions {
  /** The engine's current status. */
  compute: () => WorkspaceSyncStatus;
  /** Receives each changed status. */
  onStatus: (s: WorkspaceSyncStatus) => void;
  /** Sync health, for the time the next warning falls due. */
  health: DocHealthBook;
}

/** The status pushes of one sync engine. */
export class StatusEmitter {
  private readonly o: StatusEmitterOptions;
  private last = '';
  private soonTimer: ReturnType<typeof setTimeout> | null = null;
  private warnTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(o: StatusEmitterOptions) {
    this.o = o;
  }

  /** Sends the status now if it differs from the last one sent. */
  emit(): void {
    if (this.stopped) return;
    const s = this.o.compute();
    this.armWarning();
    const json = JSON.stringify(s);
    if (json === this.last) return;
    this.last = json;
    this.o.onStatus(s);
  }

  /** Sends the status shortly, once for a burst of calls. */
  emitSoon(): void {
    if (this.soonTimer || this.stopped) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      this.emit();
    }, BURST_MS);
    this.soonTimer.unref?.();
  }

  private armWarning(): void {
    if (this.warnTimer) clearTimeout(this.warnTimer);
    this.warnTimer = null;
    const at = this.o.health.nextWarningAt();
    if (at === null) return;
    this.warnTimer = setTimeout(() => this.emit(), Math.max(0, at - this.o.health.now()) + 50);
    this.warnTimer.unref?.();
  }

  /** Sends nothing more. */
  stop(): void {
    this.stopped = true;
    if (this.soonTimer) clearTimeout(this.soonTimer);
    if (this.warnTimer) clearTimeout(this.warnTimer);
  }
}
