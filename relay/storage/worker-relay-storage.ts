/**
 * {@link RelayStorage} with the SQLite database in worker threads (relay/storage/sqlite-worker.ts):
 * the relay's event loop never waits on an fsync or a compaction, it awaits a message. The writer
 * answers in order, so a batch resolves only after every earlier one committed; compactions run
 * on a second connection in a second worker. Same file, format and guarantees as
 * {@link SqliteRelayStorage}.
 *
 * If a worker dies, every pending and later call to it rejects and `onFatal` is called (the CLI
 * then exits so that systemd restarts the relay).
 */
import { Worker } from 'node:worker_threads';
import type { AppendEntry, ChangesPage, CompactOptions, CompactResult, DocHead, StoredDoc } from '../../node/store/doc-store';
import { isErrorCode, NestError } from '../../shared/errors';
import type { PublicWorkspaceJwk } from '../../shared/auth/keys';
import type { ProvenanceEntry, ProvenanceLogEntry, RelayAlert } from '../../shared/protocol/relay';
import type { NewAlert, RelayStorage, WorkspaceKeyRecord } from './relay-storage';

/** A request to the worker. */
export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}

/** The worker's answer. `id` 0 answers the opening of the database. */
export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string; code?: string } };

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

function toError(e: { name: string; message: string; code?: string }): Error {
  if (e.code && isErrorCode(e.code)) return new NestError(e.code, e.message);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.code) (err as Error & { code: string }).code = e.code;
  return err;
}

/** One worker thread and its request/answer bookkeeping. */
class WorkerChannel {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly onFatal: (err: Error) => void,
  ) {
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(toError(reply.error));
    });
    const die = (err: Error): void => {
      if (this.dead) return;
      this.dead = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.onFatal(err);
    };
    worker.on('error', (err) => die(err));
    worker.on('exit', (code) => die(new Error(`the storage worker exited (${code})`)));
  }

  /** Starts a worker on `file` (encrypted with `key` when given); resolves once it has opened the database. */
  static start(file: string, key: Uint8Array | undefined, onFatal: (err: Error) => void): Promise<WorkerChannel> {
    const workerData = key ? { file, key } : { file };
    const url = new URL(`./sqlite-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    // From the TypeScript sources (tsx), the worker must register tsx's loader before importing
    // its entry module: Node does not carry a parent's --import loader hooks into workers.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData })
      : new Worker(url, { workerData });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== 0) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (reply.ok) resolve(new WorkerChannel(worker, onFatal));
        else reject(toError(reply.error));
      };
      const onError = (err: Error): void => reject(err);
      worker.on('message', onMessage);
      worker.once('error', onError);
    });
  }

  /** Calls `method` in the worker; answers come in request order. */
  call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });
  }

  /** Closes the database and stops the worker. */
  async close(): Promise<void> {
    if (this.dead) return;
    await this.call('close');
    this.dead = new Error('storage closed');
    await this.worker.terminate();
  }
}

/**
 * The SQLite relay storage in worker threads: one "writer" for appends, reads and keys (in
 * order, so a read sees every append issued before it), one "compactor" with its own connection,
 * so replaying a doc's log never holds up appends (SQLite only serialises their short commits).
 * Open it with {@link WorkerRelayStorage.open}.
 */
export class WorkerRelayStorage implements RelayStorage {
  private constructor(
    private readonly writer: WorkerChannel,
    private readonly compactor: WorkerChannel,
    /** True when the database is encrypted at rest. */
    readonly encrypted: boolean,
  ) {}

  /**
   * Starts the workers; the writer opens and migrates `file` (synchronous=FULL) first, and with
   * `key` encrypts a clear file in place before the compactor opens it.
   * @throws what opening the database threw (e.g. NestError('database-too-new'), or
   *         NestError('unauthorized') for a wrong or missing key: see {@link SqliteRelayStorage.open}).
   */
  static async open(file: string, opts: { onFatal?: (err: Error) => void; key?: Uint8Array } = {}): Promise<WorkerRelayStorage> {
    const onFatal = opts.onFatal ?? (() => undefined);
    const writer = await WorkerChannel.start(file, opts.key, onFatal);
    try {
      return new WorkerRelayStorage(writer, await WorkerChannel.start(file, opts.key, onFatal), opts.key !== undefined);
    } catch (err) {
      await writer.close();
      throw err;
    }
  }

  /** @inheritdoc */
  append(docName: string, update: Uint8Array, memberId: string): Promise<number> {
    return this.writer.call('append', docName, update, memberId);
  }

  /** @inheritdoc */
  appendBatch(entries: readonly AppendEntry[]): Promise<number[]> {
    return entries.length === 0 ? Promise.resolve([]) : this.writer.call('appendBatch', entries);
  }

  /** @inheritdoc */
  read(docName: string): Promise<StoredDoc> {
    return this.writer.call('read', docName);
  }

  /** @inheritdoc */
  stateVector(docName: string): Promise<Uint8Array> {
    return this.writer.call('stateVector', docName);
  }

  /** @inheritdoc (a live doc cannot cross to the worker: the compactor always replays the stored log) */
  compact(docName: string, _opts?: CompactOptions): Promise<CompactResult> {
    return this.compactor.call('compact', docName);
  }

  /** @inheritdoc */
  head(docName: string): Promise<DocHead | null> {
    return this.writer.call('head', docName);
  }

  /** @inheritdoc */
  changedSince(sinceSeq: number, prefix = ''): Promise<ChangesPage> {
    return this.writer.call('changedSince', sinceSeq, prefix);
  }

  /** @inheritdoc */
  listDocs(prefix = ''): Promise<string[]> {
    return this.writer.call('listDocs', prefix);
  }

  /** @inheritdoc */
  docCount(): Promise<number> {
    return this.writer.call('docCount');
  }

  /** @inheritdoc */
  workspaceKeys(workspaceId: string): Promise<WorkspaceKeyRecord[]> {
    return this.writer.call('workspaceKeys', workspaceId);
  }

  /** @inheritdoc */
  allWorkspaceKeys(): Promise<WorkspaceKeyRecord[]> {
    return this.writer.call('allWorkspaceKeys');
  }

  /** @inheritdoc */
  addWorkspaceKey(workspaceId: string, publicJwk: PublicWorkspaceJwk, label?: string): Promise<WorkspaceKeyRecord> {
    return this.writer.call('addWorkspaceKey', workspaceId, publicJwk, label);
  }

  /** @inheritdoc */
  removeWorkspaceKey(workspaceId: string, kid: string): Promise<boolean> {
    return this.writer.call('removeWorkspaceKey', workspaceId, kid);
  }

  /** @inheritdoc */
  provenance(docName: string, afterSeq: number, limit: number): Promise<ProvenanceEntry[]> {
    return this.writer.call('provenance', docName, afterSeq, limit);
  }

  /** @inheritdoc (read on the compactor's connection: a page of bytes never holds up appends) */
  provenanceUpdates(docName: string, afterSeq: number, limit: number): Promise<ProvenanceLogEntry[]> {
    return this.compactor.call('provenanceUpdates', docName, afterSeq, limit);
  }

  /** @inheritdoc (replayed on the compactor's connection: a long replay never holds up appends) */
  stateAt(docName: string, seq: number): Promise<Uint8Array> {
    return this.compactor.call('stateAt', docName, seq);
  }

  /** @inheritdoc */
  verifyProvenance(): Promise<number | null> {
    return this.compactor.call('verifyProvenance');
  }

  /** @inheritdoc */
  addAlert(alert: NewAlert): Promise<number> {
    return this.writer.call('addAlert', alert);
  }

  /** @inheritdoc */
  alerts(workspaceId: string, afterId: number): Promise<RelayAlert[]> {
    return this.writer.call('alerts', workspaceId, afterId);
  }

  /** See {@link SqliteRelayStorage.backup}. */
  backup(file: string): Promise<void> {
    return this.writer.call('backup', file);
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    await this.compactor.close();
    await this.writer.close();
  }
}
