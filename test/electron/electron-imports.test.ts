/**
 * The layer rule "only the shell imports electron", checked on the sources (the ESLint rule does
 * the same per file): outside electron/main.ts, electron/preload.ts and electron/main/, no source
 * file imports or requires `electron`; and the shell's pure modules import it for types only, so
 * they run (and are tested) without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build';

const SKIP = new Set(['node_modules', 'dist', 'release', '.native', '.git', 'test-results', 'playwright-report']);
const IMPORTS_ELECTRON = /(?:from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)|import\s+['"]electron['"])/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name)) out.push(path.relative(ROOT, p).split(path.sep).join('/'));
  }
  return out;
}

const isShell = (f: string) => f === 'electron/main.ts' || f === 'electron/preload.ts' || f.startsWith('electron/main/');

describe('electron imports', () => {
  const all = sources(ROOT).filter((f) => !f.startsWith('test/'));

  it('appear only in electron/main.ts, electron/preload.ts and electron/main/', () => {
    const offenders = all.filter((f) => !isShell(f) && IMPORTS_ELECTRON.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('are type-only in electron/main/ (its modules run without Electron)', () => {
    const valueImports = all
      .filter((f) => f.startsWith('electron/main/'))
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(valueImports).toEqual([]);
  });

  it('the data service entry has none (data-service-bundle.test.ts checks what it pulls in)', () => {
    expect(IMPORTS_ELECTRON.test(fs.readFileSync(path.join(ROOT, 'service/entries/utility-entry.ts'), 'utf8'))).toBe(false);
  });
});
