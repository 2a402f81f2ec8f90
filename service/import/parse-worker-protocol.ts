/**
 * The messages between the data service and its import parse worker (parse-worker.ts), declared
 * once for both sides. One request parses one file; the worker answers with what it read of the
 * file (`table`), the valid rows in batches of {@link SEIZURE_BATCH} as they are checked (between
 * progress answers) and then the rest of the result, or with the error.
 */
import type { ErrorInfo } from '../../shared/errors';
import type { ParsedImport, ParsedTable, ParseImportInput } from './index';

/** Seizures per message: small enough that receiving one never holds the data service's loop for long. */
export const SEIZURE_BATCH = 2000;

/** What the worker parses: {@link ParseImportInput} without the functions (the worker has its own country lookups). */
export type WorkerParseInput = Omit<ParseImportInput, 'countryAt' | 'outsideKm' | 'onProgress' | 'onSeizures' | 'onTable'>;

/** A request to the worker; `id` matches the answers to it. */
export interface WorkerParseRequest {
  id: number;
  input: WorkerParseInput;
}

/** The worker's answers to request `id`: the table read, progress (rows checked of all) and seizure batches in file order, then `done` or `failed`. */
export type WorkerParseReply =
  | { id: number; kind: 'table'; table: ParsedTable }
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'seizures'; seizures: ParsedImport['seizures'] }
  | { id: number; kind: 'done'; parsed: Omit<ParsedImport, 'seizures'> }
  | { id: number; kind: 'failed'; error: ErrorInfo | { name: string; message: string } };
