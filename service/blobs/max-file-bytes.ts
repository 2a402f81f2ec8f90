/**
 * The largest attached file the data service accepts, configurable per installation: the
 * environment variable `NEST_MAX_FILE_BYTES` (a whole number of bytes, at least 1 MiB), else
 * DEFAULT_MAX_FILE_BYTES (2 GiB, issue 13 item 1). Read wherever the workspace's blob store is
 * opened (intake from a path, the browser-mode upload route, downloads from the relay), so one
 * setting governs every way a file arrives. The relay's own limit is its operator's (relay/cli.ts).
 */
import { DEFAULT_MAX_FILE_BYTES } from '../../shared/domain/attached-file';
import { NestError } from '../../shared/errors';

/** Name of the environment variable that sets the limit. */
export const MAX_FILE_BYTES_ENV = 'NEST_MAX_FILE_BYTES';

/** Smallest limit accepted, bytes: a smaller one is surely a typo (a unit left off). */
const MIN_LIMIT = 1024 * 1024;

/**
 * The limit in bytes from `env` (default: this process's environment).
 * @throws NestError('validation') `file.bad-max-size` when the variable is set but not a whole number of bytes ≥ 1 MiB.
 */
export function maxFileBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env[MAX_FILE_BYTES_ENV]?.trim();
  if (!raw) return DEFAULT_MAX_FILE_BYTES;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < MIN_LIMIT) throw new NestError('validation', { id: 'file.bad-max-size', values: { value: raw.slice(0, 40), min: MIN_LIMIT } });
  return n;
}
