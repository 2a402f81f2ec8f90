/**
 * Worker-thread side of {@link WorkerRelayStorage}: owns the SQLite relay database and answers
 * `{ id, method, args }` requests with `{ id, ok, result | error }`, in order. Runs in a
 * worker_threads Worker so that SQLite's fsync (synchronous=FULL) and compaction never block the
 * relay's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteRelayStorage } from './sqlite-relay-storage';
import type { WorkerReply, WorkerRequest } from './worker-relay-storage';

const port = parentPort!;
// `key`: the storage key (relay/key-file.ts) when the database is encrypted at rest.
const { file, key } = workerData as { file: string; key?: Uint8Array };

function errorInfo(err: unknown): { name: string; message: string; code?: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(err) };
}

let storage: SqliteRelayStorage;
try {
  storage = SqliteRelayStorage.open(file, key ? { key } : {});
  port.postMessage({ id: 0, ok: true, result: 'ready' } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: errorInfo(err) } satisfies WorkerReply);
  process.exit(1);
}

const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
  append: (docName, update, memberId) => storage.append(docName, update, memberId),
  appendBatch: (entries) => storage.appendBatch(entries),
  read: (docName) => storage.read(docName),
  stateVector: (docName) => storage.stateVector(docName),
  compact: (docName) => storage.compact(docName),
  head: (docName) => storage.head(docName),
  changedSince: (since, prefix) => storage.changedSince(since, prefix),
  listDocs: (prefix) => storage.listDocs(prefix),
  docCount: () => storage.docCount(),
  workspaceKeys: (wid) => storage.workspaceKeys(wid),
  allWorkspaceKeys: () => storage.allWorkspaceKeys(),
  addWorkspaceKey: (wid, jwk, label) => storage.addWorkspaceKey(wid, jwk, label),
  removeWorkspaceKey: (wid, kid) => storage.removeWorkspaceKey(wid, kid),
  backup: (out) => storage.backup(out),
  provenance: (doc, after, limit) => storage.provenance(doc, after, limit),
  provenanceUpdates: (doc, after, limit) => storage.provenanceUpdates(doc, after, limit),
  stateAt: (doc, seq) => storage.stateAt(doc, seq),
  verifyProvenance: () => storage.verifyProvenance(),
  addAlert: (alert) => storage.addAlert(alert),
  alerts: (wid, after) => storage.alerts(wid, after),
  close: () => storage.close(),
};

port.on('message', (req: WorkerRequest) => {
  const fn = methods[req.method];
  const run = fn ? fn(...(req.args as never[])) : Promise.reject(new Error(`unknown storage method ${req.method}`));
  run.then(
    (result) => port.postMessage({ id: req.id, ok: true, result } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id: req.id, ok: false, error: errorInfo(err) } satisfies WorkerReply),
  );
});
