/**
 * The import parse worker: a worker_threads entry that runs the whole import pipeline (decode,
 * read, map, check every row: parseImportFile) off the data service's main thread, so a large or
 * hostile file never stalls other windows and sync. It answers as parse-worker-protocol.ts says.
 * Bundled as dist/electron/import-worker.cjs (scripts/build-electron.mjs); run from the sources
 * through tsx (parse-off-thread.ts).
 */
import { parentPort } from 'node:worker_threads';
import { NestError } from '../../shared/errors';
import { countryAt, kmOutsideCountry } from '../geo/country-at';
import { parseImportFile } from './index';
import { NEAR_COUNTRY_KM } from './plan';
import type { WorkerParseReply, WorkerParseRequest } from './parse-worker-protocol';

/** Parses one request and posts its answers through `post`. Never throws: a failure is an answer. */
export function answerParse(req: WorkerParseRequest, post: (reply: WorkerParseReply) => void): void {
  const { id, input } = req;
  try {
    const onProgress = (done: number, total: number): void => post({ id, kind: 'progress', done, total });
    // The rows go as they are checked (batches of SEIZURE_BATCH, parseImportFile's onSeizures), so
    // an import can write the first while later ones are checked, and this thread never holds them all.
    const parsed = parseImportFile({
      ...input,
      countryAt,
      outsideKm: (lat, lon, code) => kmOutsideCountry(lat, lon, code, NEAR_COUNTRY_KM),
      onProgress,
      onTable: (table) => post({ id, kind: 'table', table }),
      onSeizures: (seizures) => post({ id, kind: 'seizures', seizures }),
    });
    const { seizures: _streamed, ...rest } = parsed;
    post({ id, kind: 'done', parsed: rest });
  } catch (err) {
    const error = err instanceof NestError ? err.toInfo() : err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
    post({ id, kind: 'failed', error });
  }
}

const port = parentPort;
if (port) port.on('message', (req: WorkerParseRequest) => answerParse(req, (reply) => port.postMessage(reply)));
