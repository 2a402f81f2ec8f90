/**
 * The shared folder of inputs beside the repository (`../shared`: the cases and the public data);
 * CI lays a copy there too. NEST_SHARED_DIR overrides.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the shared folder. */
export const SHARED_DIR = process.env.NEST_SHARED_DIR ?? path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared');

/** A path inside the shared folder. */
export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}
