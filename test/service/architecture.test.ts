/**
 * The data service's structure, checked by reading its sources: handlers run no SQL, only
 * service/projections/ touches projection tables, no handler reaches the whole service, and the
 * workspace database is not handed out (see docs/architecture.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../architecture/import-graph';

const ROOT = path.resolve(__dirname, '../..');
const SERVICE = path.join(ROOT, 'service');
const files = sourceFiles(SERVICE).map((f) => ({ rel: path.relative(ROOT, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
/** Files holding RPC handlers: the domain maps, their merge and the dispatcher. */
const handlerFiles = files.filter((f) => /-handlers\.ts$/.test(f.rel) || f.rel.startsWith('service/rpc/'));

describe('data service architecture', () => {
  it('finds the handler files', () => {
    expect(handlerFiles.map((f) => f.rel)).toEqual(expect.arrayContaining(['service/cases/case-handlers.ts', 'service/members/member-handlers.ts', 'service/export/export-handlers.ts', 'service/rpc/dispatch.ts']));
  });

  it('no handler file runs SQL (prepare( or .exec()', () => {
    const offenders = handlerFiles.filter((f) => /\bprepare\(|\.exec\(/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('only service/projections/ names the projection tables in SQL', () => {
    const sql = /\b(FROM|INTO|UPDATE|JOIN)\s+(cases|seizures|search_fts)\b/;
    const offenders = files.filter((f) => !f.rel.startsWith('service/projections/') && sql.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('only the entry points import data-service.ts (handlers get the context of rpc/context.ts)', () => {
    const imports = /from\s+['"](?:\.\.?\/)+data-service['"]/;
    const offenders = files.filter((f) => !f.rel.startsWith('service/entries/') && imports.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('the workspace database is reached only through the store (databaseOf is for tests)', () => {
    const offenders = files.filter((f) => f.rel !== 'service/workspace/workspace-store.ts' && /\bdatabaseOf\b|\.store\.db\b/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('the scan sees a handler that runs SQL', () => {
    const bad = "'cases.get': (p, { workspaces }) => workspaces.get(p.workspaceId).db.prepare('SELECT 1').get()";
    expect(/\bprepare\(|\.exec\(/.test(bad)).toBe(true);
  });
});
