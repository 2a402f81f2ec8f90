/**
 * One data service per data folder: a `.lock` file holding the owner's pid, taken when the
 * service opens and removed when it closes. A second process (e.g. `npm run import` while the
 * app is open) is refused with a clear message instead of writing behind the app's back.
 * A lock left by a crashed process (its pid no longer runs) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NestError } from '../../shared/errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `dataDir`; returns its release function. The same process may take it again.
 * @throws NestError('forbidden') when another running process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, '.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid === process.pid) return () => undefined;
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new NestError('forbidden', { id: 'storage.data-dir-in-use', values: { pid: String(pid), dir: dataDir } });
      }
      fs.rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new NestError('forbidden', { id: 'storage.data-dir-lock-failed', values: { dir: dataDir } });
}
