/**
 * The invariants checked after every convergence schedule, once all replicas are connected and
 * the network is quiet. For every doc of the workspace (the workspace doc and every case doc):
 *
 * 1. the same docs exist on every replica and on the relay;
 * 2. state vectors and Yjs snapshots (state vector + delete set) are equal on every replica's
 *    loaded doc, every replica's doc store reloaded into a fresh Y.Doc (nothing acknowledged was
 *    lost across restarts: the store holds what memory holds), the relay's loaded room and the
 *    relay's storage;
 * 3. the JSON of every root type is equal, and so is what the typed helpers read
 *    (CaseDoc.readMeta / listSeizures / readSummary / listRoutes / readAudit,
 *    WorkspaceDoc.readSettings / listCases / listMembers);
 * 4. the projections (`cases`, `seizures`, `search_fts`) are equal on every replica, agree with
 *    the docs, equal a rebuild from the docs, and the FTS index passes its integrity check;
 * 5. the case index is in step with the cases: every case has an index entry whose number,
 *    title, status, sector and TLP are the case doc's (admins' desktops mirror them).
 */
import { databaseOf } from '../../service/workspace/workspace-store';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { Db } from '../../node/store/sqlite';
import { CaseDoc } from '../../shared/docs/case-doc';
import { parseDocName, workspaceDocName } from '../../shared/docs/names';
import { CASE_DOC_ROOTS, WORKSPACE_DOC_ROOTS } from '../../shared/docs/root-types';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import type { WorkspaceRuntime } from '../../service/workspace/workspace-runtime';

/** One copy of a doc, labelled for messages (e.g. "replica 1 memory", "relay storage"). */
export interface DocCopy {
  label: string;
  doc: Y.Doc;
}

/** What the checks need from a run: the open replicas and the relay's view. */
export interface ConvergedWorld {
  workspaceId: string;
  /** Every replica's open runtime. */
  runtimes: WorkspaceRuntime[];
  /** Doc names the relay has stored for the workspace. */
  relayDocNames(): Promise<string[]>;
  /** The relay's copies of a doc (its storage, and its loaded room if any). */
  relayCopies(name: string): Promise<DocCopy[]>;
}

/** deepStrictEqual with a leading explanation and Node's diff. */
export function same(what: string, actual: unknown, expected: unknown): void {
  try {
    assert.deepStrictEqual(actual, expected);
  } catch (err) {
    if (err instanceof Error) err.message = `${what}\n${err.message}`;
    throw err;
  }
}

/** Names of the docs of `workspaceId` in a replica's store, sorted. */
export function localDocNames(rt: WorkspaceRuntime): string[] {
  return rt.store.docs
    .changedSince(0)
    .map((h) => h.docName)
    .filter((n) => parseDocName(n)?.workspaceId === rt.id)
    .sort();
}

/** The JSON of every root type of a doc (by its layout). */
export function rootJson(name: string, doc: Y.Doc): Record<string, unknown> {
  const roots: Record<string, 'map' | 'text' | 'array' | 'xml'> = parseDocName(name)?.kind === 'case' ? CASE_DOC_ROOTS : WORKSPACE_DOC_ROOTS;
  const out: Record<string, unknown> = {};
  for (const [root, kind] of Object.entries(roots)) {
    out[root] = kind === 'map' ? doc.getMap(root).toJSON() : kind === 'text' ? doc.getText(root).toString() : kind === 'xml' ? doc.getXmlFragment(root).toString() : doc.getArray(root).toJSON();
  }
  return out;
}


/** What the typed helpers read from a doc (list orders compared as the helpers return them, except above). */
export function helperView(name: string, doc: Y.Doc): Record<string, unknown> {
  if (parseDocName(name)?.kind === 'case') {
    const cd = new CaseDoc(doc);
    return { meta: cd.readMeta(), seizures: cd.listSeizures(), summary: cd.readSummary(), routes: cd.listRoutes(), audit: cd.readAudit() };
  }
  const wd = new WorkspaceDoc(doc);
  return { settings: wd.readSettings(), cases: wd.listCases(), members: wd.listMembers() };
}

/** A fresh Y.Doc loaded from a replica's doc store. */
function storedCopy(rt: WorkspaceRuntime, name: string): Y.Doc {
  const doc = new Y.Doc();
  rt.store.docs.loadInto(name, doc);
  return doc;
}

/**
 * The projections of a replica. Excluded: FTS rowids (a seizure's is its local `seizures` rowid,
 * a case's the negated local `cases` rowid: they depend on the order rows were inserted on that
 * machine). The `cases` and `seizures` rows hold no per-machine value (`updated_at`/`updated_by`
 * come from the docs), so they are compared whole.
 */
export function dumpProjections(db: Db): { cases: unknown[]; seizures: unknown[]; fts: unknown[] } {
  return {
    cases: db.prepare('SELECT * FROM cases ORDER BY id').all(),
    seizures: db.prepare('SELECT * FROM seizures ORDER BY id').all(),
    fts: db.prepare('SELECT kind, case_id, record_id, title, body FROM search_fts ORDER BY kind, case_id, record_id').all(),
  };
}

function compareCopies(name: string, copies: DocCopy[]): void {
  const [ref, ...rest] = copies;
  const sv = (d: Y.Doc): Record<string, number> => Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(d)));
  const refSv = sv(ref!.doc);
  const refSnap = Y.snapshot(ref!.doc);
  const refJson = rootJson(name, ref!.doc);
  const refView = helperView(name, ref!.doc);
  for (const c of rest) {
    same(`${name}: state vector of ${c.label} differs from ${ref!.label}`, sv(c.doc), refSv);
    assert.ok(Y.equalSnapshots(Y.snapshot(c.doc), refSnap), `${name}: delete set of ${c.label} differs from ${ref!.label}`);
    same(`${name}: root types of ${c.label} differ from ${ref!.label}`, rootJson(name, c.doc), refJson);
    same(`${name}: helper reads of ${c.label} differ from ${ref!.label}`, helperView(name, c.doc), refView);
  }
}

/** Runs every invariant; throws an AssertionError naming the doc, the copies and the difference. */
export async function checkConverged(w: ConvergedWorld): Promise<void> {
  const names = await w.relayDocNames();
  assert.ok(names.includes(workspaceDocName(w.workspaceId)), 'the relay has no workspace doc');
  w.runtimes.forEach((rt, i) => same(`replica ${i} stores other docs than the relay`, localDocNames(rt), names));

  for (const name of names) {
    const copies: DocCopy[] = [];
    w.runtimes.forEach((rt, i) => {
      copies.push({ label: `replica ${i} memory`, doc: rt.host.retain(name) });
      copies.push({ label: `replica ${i} store`, doc: storedCopy(rt, name) });
    });
    try {
      copies.push(...(await w.relayCopies(name)));
      compareCopies(name, copies);
    } finally {
      w.runtimes.forEach((rt) => rt.host.release(name));
    }
  }

  // Projections: equal everywhere, in step with the docs, equal to a rebuild.
  const dumps = w.runtimes.map((rt) => dumpProjections(databaseOf(rt.store)));
  dumps.forEach((d, i) => same(`projections of replica ${i} differ from replica 0`, d, dumps[0]));
  const rt0 = w.runtimes[0]!;
  const caseNames = names.filter((n) => parseDocName(n)?.kind === 'case');
  const expectCases: { id: string; number: string; title: string; summary: string; seizure_count: number }[] = [];
  const expectSeizures: string[] = [];
  for (const name of caseNames) {
    const cd = new CaseDoc(rt0.host.retain(name));
    try {
      if (!cd.isInitialised()) continue;
      const m = cd.readMeta();
      const seizures = cd.listSeizures();
      expectCases.push({ id: m.id, number: m.number, title: m.title, summary: cd.readSummary(), seizure_count: seizures.length });
      expectSeizures.push(...seizures.map((s) => s.id));
    } finally {
      rt0.host.release(name);
    }
  }
  const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
  same(
    'the cases projection does not match the case docs',
    (dumps[0]!.cases as { id: string; number: string; title: string; summary: string; seizure_count: number }[]).map(({ id, number, title, summary, seizure_count }) => ({ id, number, title, summary, seizure_count })),
    expectCases.sort(byId),
  );
  same('the seizures projection does not match the case docs', (dumps[0]!.seizures as { id: string }[]).map((s) => s.id), expectSeizures.sort());
  w.runtimes.forEach((rt, i) => {
    databaseOf(rt.store).prepare("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')").run();
    rt.rebuildProjections();
    same(`replica ${i}: a rebuild of the projections differs from the incremental ones`, dumpProjections(databaseOf(rt.store)), dumps[i]);
  });

  // The case index follows the case docs.
  const ws = new WorkspaceDoc(rt0.host.retainedDoc(workspaceDocName(w.workspaceId)));
  for (const c of dumps[0]!.cases as { id: string; number: string; title: string; status: string; sector: string; tlp: string }[]) {
    const entry = ws.getCase(c.id);
    same(`case ${c.number} (${c.id}): its index entry is not in step with the case doc`, entry && { number: entry.number, title: entry.title, status: entry.status, sector: entry.sector, tlp: entry.tlp }, {
      number: c.number,
      title: c.title,
      status: c.status,
      sector: c.sector,
      tlp: c.tlp,
    });
  }
}
