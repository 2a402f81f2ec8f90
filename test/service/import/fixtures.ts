/**
 * Where the shared test inputs live: the import cases (/work/shared/cases/import) and the public
 * seizure data set (/work/shared/data). The shared folder sits beside the repository (locally
 * /work/shared, in CI a copy beside the clone); NEST_SHARED_DIR overrides.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared folder: $NEST_SHARED_DIR, else ../shared beside the repository, else /work/shared. */
export const SHARED_DIR = process.env.NEST_SHARED_DIR ?? [path.resolve(repoRoot, '../shared'), '/work/shared'].find((p) => existsSync(path.join(p, 'cases/import'))) ?? '/work/shared';

/** Bytes of an import case file, e.g. "05-bad-rows.csv". */
export function caseBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED_DIR, 'cases/import', name)));
}

/** Bytes of the public seizure data set. */
export function publicCsvBytes(): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED_DIR, 'data/seizures-public.csv')));
}

/** One entry of cases/import/expected.json (only the parts the tests read are typed). */
export interface ExpectedCase {
  input: string;
  what: string;
  expect: Record<string, unknown> & {
    imported?: number;
    rejected?: number;
    skipped_blank?: number;
    seizures?: number;
    routes?: number;
    rows?: Record<string, unknown>[];
    rejections?: { line: number; field: string }[];
    route?: { name: string; points: number };
  };
}

/** The expected outcomes, by input file name. */
export function expectedCases(): Map<string, ExpectedCase> {
  const list = JSON.parse(readFileSync(path.join(SHARED_DIR, 'cases/import/expected.json'), 'utf8')) as ExpectedCase[];
  return new Map(list.map((c) => [c.input, c]));
}

/** UTF-8 bytes of a string (for inline test files). */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
