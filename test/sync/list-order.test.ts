/**
 * Found by the convergence property (convergence.test.ts), low severity: two replicas holding
 * identical docs list records that share a sort key in different orders.
 *
 * `WorkspaceDoc.listCases` sorts by case number only and `CaseDoc.listRoutes` by route name only
 * (shared/docs/workspace-doc.ts, shared/docs/case-doc.ts). Ties keep the order of `Y.Map`
 * iteration, which is each replica's own insertion order (and can change when a doc is reloaded
 * from storage). Two cases get the same number whenever two members create a case offline (a
 * documented possibility, see `duplicateCaseNumbers`); two routes often share a name. The case
 * screen lists routes with `listRoutes`, so their order differs between desktops.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../shared/docs/case-doc';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';

const W = { memberId: 'm' };
const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';

/** Two docs that each got one record first and the other one from the peer. */
function crossed(write: (doc: Y.Doc, id: string) => void): [Y.Doc, Y.Doc] {
  const one = new Y.Doc();
  const two = new Y.Doc();
  write(one, ID_A);
  write(two, ID_B);
  const fromOne = Y.encodeStateAsUpdate(one);
  Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
  Y.applyUpdate(two, fromOne);
  return [one, two];
}

describe('list order of records sharing a sort key', () => {
  // Regression (found by the convergence property): lists sorted by a shared key break ties by id,
  // so every replica lists them in the same order.
  it('is the same on every replica for cases with the same number', () => {
    const entry = (id: string) => ({ id, number: 'TFA-2026-0002', title: 'Case A', status: 'open' as const, sector: 'wildlife' as const, tlp: 'AMBER' as const, createdBy: 'm', createdAt: 1 });
    const [one, two] = crossed((doc, id) => new WorkspaceDoc(doc).upsertCase(entry(id), W));
    expect(Y.encodeStateVector(one)).toEqual(Y.encodeStateVector(two)); // the docs are identical
    expect(new WorkspaceDoc(one).listCases().map((c) => c.id)).toEqual(new WorkspaceDoc(two).listCases().map((c) => c.id));
  });

  it('is the same on every replica for routes with the same name', () => {
    const [one, two] = crossed((doc, id) => new CaseDoc(doc).addRoutes([{ id, fields: { name: 'Mombasa–Hai Phong', points: [[-4, 39], [20.8, 106.7]], notes: '' } }], W));
    expect(Y.encodeStateVector(one)).toEqual(Y.encodeStateVector(two));
    expect(new CaseDoc(one).listRoutes().map((r) => r.id)).toEqual(new CaseDoc(two).listRoutes().map((r) => r.id));
  });
});
