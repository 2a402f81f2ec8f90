/**
 * Blob sync of one workspace with its relay: for a case, ask the relay which of the case's live
 * files it holds (`has`), upload the files this desktop holds and the relay lacks (resuming from
 * the relay's `received`), and download the files this desktop lacks when the download policy
 * says so (download-policy.ts) or when a file is opened (`fetch`). Transfers go through one
 * bounded queue with retries (transfer-queue.ts); every file's status is kept in a
 * {@link FileStatusBook} and pushed to renderers.
 *
 * A case is scanned when its doc has synced with the relay (the relay must list a hash before it
 * accepts its bytes), a short while after its doc changed here (a file added, or one arriving
 * from another desktop), and once when the workspace starts. Works on interfaces (a blob store,
 * a file lister, local settings, the relay's address), so tests pass real small ones.
 */
import type { FsBlobStore } from '../../node/blobs/fs-blob-store';
import type { Logger } from '../../node/log';
import type { AttachedFile } from '../../shared/domain/attached-file';
import { NestError } from '../../shared/errors';
import type { FileSyncStatus, FilesStatusEvent } from '../../shared/rpc/files';
import { downloadsEagerly, isKeptOffline, setKeptOffline, type LocalSettings } from './download-policy';
import { FileStatusBook, type BlobState } from './file-status-book';
import { RelayBlobClient } from './relay-blob-client';
import { TransferError, transferErrorOf } from './transfer-error';
import { TransferQueue, type TransferQueueOptions } from './transfer-queue';

/** Where the relay is and the member's token, or null when the workspace does not sync. */
export type RelayAccess = () => { httpBase: string; token: string } | null;

/** What a {@link WorkspaceBlobSync} works on. */
export interface WorkspaceBlobSyncOptions {
  workspaceId: string;
  /** This desktop's blob store of the workspace. */
  store: FsBlobStore;
  /** The files of a case as this desktop's copy of its doc lists them ([] when unknown). */
  caseFiles: (caseId: string) => AttachedFile[];
  /** The doc name of a case (`<workspace>/case/<id>`). */
  docName: (caseId: string) => string;
  /** The workspace's local settings ("keep files offline"). */
  settings: LocalSettings;
  relay: RelayAccess;
  /** Receives `files.status` events. */
  emit: (e: FilesStatusEvent) => void;
  logger: Logger;
  /** Concurrency, attempts, backoff (default 2 transfers, 6 attempts, 1 s doubling). */
  queue?: TransferQueueOptions;
  /** Bytes per upload request (default: relay-blob-client.ts). */
  chunkBytes?: number;
  /** ms between a doc change and its scan (default 500). */
  scanDelayMs?: number;
}

const NO_RELAY: BlobState['reason'] = { id: 'file.sync.no-relay' };

/** Blob sync of one workspace. */
export class WorkspaceBlobSync {
  /** Statuses of the workspace's files. */
  readonly book: FileStatusBook;
  private readonly o: WorkspaceBlobSyncOptions;
  private readonly queue: TransferQueue;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly scans = new Set<Promise<void>>();
  private readonly forced = new Set<string>();
  /** caseId → the file signature at its last scan. */
  private readonly scanned = new Map<string, string>();
  /** caseId → ms before the next look for files neither here nor on the relay yet (doubling, at most 30 s). */
  private readonly missingRetry = new Map<string, number>();
  private stopped = false;

  constructor(o: WorkspaceBlobSyncOptions) {
    this.o = o;
    this.book = new FileStatusBook(o.workspaceId, o.emit);
    this.queue = new TransferQueue(o.queue);
  }

  /**
   * Scans `caseId` after `delayMs` (default: the scan delay); a scan already due keeps its time.
   * `onlyIfChanged`: skip the scan when the case's files (and which of them are here) are as at
   * the last scan — a doc edit that is not about files (typing a summary) asks the relay nothing.
   */
  schedule(caseId: string, delayMs = this.o.scanDelayMs ?? 500, onlyIfChanged = false): void {
    if (this.stopped) return;
    if (!onlyIfChanged) this.forced.add(caseId);
    if (this.timers.has(caseId)) return;
    const t = setTimeout(() => {
      this.timers.delete(caseId);
      const force = this.forced.delete(caseId);
      if (force || this.signature(caseId) !== this.scanned.get(caseId)) void this.scan(caseId);
    }, delayMs);
    t.unref?.();
    this.timers.set(caseId, t);
  }

  /**
   * Brings a case's files in step with the relay; resolves when the transfers it started have
   * ended (each file's outcome is in its status, never thrown).
   */
  scan(caseId: string): Promise<void> {
    const p = this.doScan(caseId).catch((err: unknown) => this.o.logger.warn({ caseId, err: err instanceof Error ? err.message : String(err) }, 'blob sync scan failed'));
    this.scans.add(p);
    void p.finally(() => this.scans.delete(p));
    return p;
  }

  private async doScan(caseId: string): Promise<void> {
    if (this.stopped) return;
    this.scanned.set(caseId, this.signature(caseId));
    const files = this.refresh(caseId);
    const relay = this.o.relay();
    const unique = uniqueByHash(files);
    if (!relay) {
      for (const f of unique) if (!this.store.has(f.hash)) this.setState(caseId, f, { state: 'waiting', reason: NO_RELAY });
      return;
    }
    if (unique.length === 0) return;
    const client = this.client();
    let has;
    try {
      has = await client.has(this.o.docName(caseId), unique.map((f) => f.hash));
    } catch (err) {
      const te = transferErrorOf(err);
      if (te.aborted || this.stopped) return;
      // Refused (no access, bad token): every file says why. Unreachable: they wait, saying why.
      for (const f of unique) {
        const cur = this.book.get(caseId, f.hash);
        if (cur?.state === 'verified' && te.retryable) continue;
        this.setState(caseId, f, { state: te.retryable ? 'waiting' : 'failed', reason: te.reason });
      }
      return;
    }
    const have = new Set(has.have);
    const keep = isKeptOffline(this.o.settings, caseId);
    const jobs: Promise<unknown>[] = [];
    let missing = false;
    for (const f of unique) {
      const local = this.store.has(f.hash);
      const cur = this.book.get(caseId, f.hash);
      if (local && have.has(f.hash)) {
        if (cur?.state !== 'verified') this.setState(caseId, f, { state: 'on-relay', local: true });
      } else if (local) jobs.push(this.upload(caseId, f, has.received[f.hash] ?? 0));
      else if (have.has(f.hash)) {
        // A download refused as corrupt is not tried again by a scan: only opening the file does.
        if (cur?.state === 'failed' && cur.reason?.id === 'file.sync.corrupt') continue;
        if (downloadsEagerly(f, keep)) jobs.push(this.download(caseId, f).catch(() => undefined));
        else this.setState(caseId, f, { state: 'on-relay', local: false });
      } else {
        this.setState(caseId, f, { state: 'waiting', reason: { id: 'file.sync.missing-everywhere' } });
        missing = true;
      }
    }
    // A file whose record arrived before its bytes reached the relay (the other desktop is still
    // uploading): nothing in this doc will change when the upload ends, so look again, backing off.
    if (missing) {
      const delay = this.missingRetry.get(caseId) ?? 1000;
      this.missingRetry.set(caseId, Math.min(delay * 2, 30_000));
      this.schedule(caseId, delay);
    } else this.missingRetry.delete(caseId);
    await Promise.allSettled(jobs);
  }

  /**
   * Downloads file `fileId` of a case now unless this desktop holds it (the viewer opening it).
   * Resolves with its status; a refused or corrupt download resolves as `failed` with the reason.
   * @throws NestError('not-found') `file.sync.unknown-file` when the case has no such live file.
   */
  async fetch(caseId: string, fileId: string): Promise<FileSyncStatus> {
    const f = this.refresh(caseId).find((x) => x.id === fileId);
    if (!f) throw new NestError('not-found', { id: 'file.sync.unknown-file' });
    if (!this.store.has(f.hash)) {
      if (!this.o.relay()) this.setState(caseId, f, { state: 'failed', reason: NO_RELAY });
      else await this.download(caseId, f).catch(() => undefined);
    }
    return this.book.statuses(caseId).find((s) => s.fileId === fileId)!;
  }

  /** Every live file's status in a case (the case's files re-read first). */
  statuses(caseId: string): FileSyncStatus[] {
    const files = this.refresh(caseId);
    if (!this.o.relay()) {
      // Files with no state yet read as waiting too: without a relay, say why (tester F-UI-3).
      for (const f of files) if ((this.book.get(caseId, f.hash)?.state ?? 'waiting') === 'waiting') this.setState(caseId, f, { state: 'waiting', reason: NO_RELAY });
    }
    return this.book.statuses(caseId);
  }

  /** Whether the case is kept offline here. */
  keepOffline(caseId: string): boolean {
    return isKeptOffline(this.o.settings, caseId);
  }

  /** Marks a case "keep files offline" (or not); marking it starts downloading its files. */
  setKeepOffline(caseId: string, keep: boolean): void {
    setKeptOffline(this.o.settings, caseId, keep);
    if (keep) this.schedule(caseId, 0);
  }

  /** The case's live hashes and whether each is here, as one string. */
  private signature(caseId: string): string {
    return this.o
      .caseFiles(caseId)
      .filter((f) => !f.deleted)
      .map((f) => `${f.hash}:${this.store.has(f.hash) ? 1 : 0}`)
      .sort()
      .join(',');
  }

  private get store(): FsBlobStore {
    return this.o.store;
  }

  private client(): RelayBlobClient {
    const relay = this.o.relay();
    return new RelayBlobClient({ httpBase: relay?.httpBase ?? 'http://127.0.0.1:9', token: () => this.o.relay()?.token ?? '', chunkBytes: this.o.chunkBytes });
  }

  /** Re-reads a case's live files into the book; new ones start from what is on disk here. */
  private refresh(caseId: string): AttachedFile[] {
    const files = this.o.caseFiles(caseId).filter((f) => !f.deleted);
    this.book.setFiles(caseId, files, (f) => ({ state: 'waiting', done: 0, total: f.size, local: this.store.has(f.hash), reason: null }));
    return files;
  }

  private setState(caseId: string, f: AttachedFile, s: Partial<BlobState> & Pick<BlobState, 'state'>): void {
    const done = s.done ?? (s.state === 'on-relay' || s.state === 'verified' ? f.size : 0);
    this.book.set(caseId, f.hash, { done, total: s.total ?? f.size, local: s.local ?? this.store.has(f.hash), reason: s.reason ?? null, state: s.state });
  }

  private async upload(caseId: string, f: AttachedFile, from: number): Promise<void> {
    const size = this.store.size(f.hash) ?? f.size;
    this.setState(caseId, f, { state: 'uploading', done: from, total: size, local: true });
    const doc = this.o.docName(caseId);
    const progress = (done: number, total: number): void => this.setState(caseId, f, { state: 'uploading', done, total, local: true });
    try {
      await this.queue.run(
        `up:${f.hash}`,
        async (signal) => {
          const client = this.client();
          // Ask again on every attempt: after a cut connection the relay kept what arrived.
          const h = await client.has(doc, [f.hash], signal);
          if (h.have.includes(f.hash)) return;
          await client.upload(doc, f.hash, this.store.pathOf(f.hash), size, h.received[f.hash] ?? 0, progress, signal);
        },
        (e) => this.setState(caseId, f, { state: 'uploading', done: this.book.get(caseId, f.hash)?.done ?? 0, total: size, local: true, reason: e.reason }),
      );
      this.setState(caseId, f, { state: 'on-relay', local: true });
      this.o.logger.info({ caseId, hash: f.hash, bytes: size }, 'file uploaded to the relay');
    } catch (err) {
      this.fail(caseId, f, err, 'upload');
    }
  }

  private async download(caseId: string, f: AttachedFile): Promise<void> {
    this.setState(caseId, f, { state: 'downloading', done: this.store.received(f.hash), local: false });
    const doc = this.o.docName(caseId);
    const progress = (done: number, total: number): void => this.setState(caseId, f, { state: 'downloading', done, total, local: false });
    try {
      await this.queue.run(
        `down:${f.hash}`,
        (signal) => this.client().download(doc, f.hash, f.size, this.store, progress, signal),
        (e) => this.setState(caseId, f, { state: 'downloading', done: this.store.received(f.hash), local: false, reason: e.reason }),
      );
      this.setState(caseId, f, { state: 'verified', local: true });
      this.o.logger.info({ caseId, hash: f.hash, bytes: f.size }, 'file downloaded and verified');
    } catch (err) {
      this.fail(caseId, f, err, 'download');
      throw err;
    }
  }

  private fail(caseId: string, f: AttachedFile, err: unknown, what: string): void {
    const te = err instanceof TransferError ? err : transferErrorOf(err);
    if (te.aborted || this.stopped) return;
    this.o.logger.warn({ caseId, hash: f.hash, reason: te.reason.id }, `file ${what} failed`);
    this.setState(caseId, f, { state: 'failed', reason: te.reason });
  }

  /** Stops scanning and transferring; resolves when running transfers have ended (parts are kept). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.book.stop();
    await this.queue.stop();
    await Promise.allSettled([...this.scans]);
  }
}

/** One file per distinct hash (a blob is transferred once). */
function uniqueByHash(files: readonly AttachedFile[]): AttachedFile[] {
  const seen = new Map<string, AttachedFile>();
  for (const f of files) if (!seen.has(f.hash)) seen.set(f.hash, f);
  return [...seen.values()];
}
