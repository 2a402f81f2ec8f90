/**
 * The workspace's own commodities over a real workspace Y.Doc: validated and stamped writes with
 * audit entries, names refused when the curated list or another entry holds them, tombstone
 * removal, concurrent edits of two replicas merging, and invalid or colliding records reported.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { WorkspaceCommodities } from '../../../shared/docs/workspace-commodities';
import { newWorkspaceCommodityFields, type WorkspaceCommodityFields } from '../../../shared/domain/workspace-commodity';
import { NestError } from '../../../shared/errors';

const ADMIN = { memberId: 'admin-1', now: () => 1_700_000_000_000 };
const OTHER = { memberId: 'admin-2', now: () => 1_700_000_000_500 };
const ID1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0001';
const ID2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f0002';

const seahorses = (over: Partial<WorkspaceCommodityFields> = {}): WorkspaceCommodityFields => ({
  ...newWorkspaceCommodityFields(),
  name: 'Dried seahorses',
  sector: 'wildlife',
  unit: 'kg',
  citesTerm: 'BOD',
  aliases: ['sea horses', 'hippocampus, dried'],
  source: 'Customs tariff note 2025/4',
  ...over,
});

function thrown(fn: () => unknown): NestError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NestError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('WorkspaceCommodities', () => {
  it('adds a validated, stamped record with an audit entry, and the catalogue knows it', () => {
    const doc = new Y.Doc();
    const wc = new WorkspaceCommodities(doc);
    const c = wc.add(ID1, seahorses({ name: '  Dried seahorses ' }), ADMIN);
    expect(c).toEqual({ id: ID1, ...seahorses(), createdBy: 'admin-1', createdAt: 1_700_000_000_000, updatedBy: 'admin-1', updatedAt: 1_700_000_000_000 });
    expect(doc.getArray('audit').toArray()).toEqual([{ at: 1_700_000_000_000, by: 'admin-1', action: 'commodity.add', target: ID1 }]);
    expect(wc.catalogue().check('SEA HORSES')).toMatchObject({ status: 'workspace', entry: { id: ID1, name: 'Dried seahorses', citesTerm: 'BOD' } });
    expect(wc.catalogue().names().at(-1)).toBe('Dried seahorses');
  });

  it('refuses bad fields naming each, and writes nothing', () => {
    const doc = new Y.Doc();
    const wc = new WorkspaceCommodities(doc);
    const e = thrown(() => wc.add(ID1, seahorses({ name: '', citesTerm: 'bod', aliases: ['Sea horses', 'SEA  HORSES'] }), ADMIN));
    expect(e.code).toBe('validation');
    expect(e.issues?.map((i) => i.field).sort()).toEqual(['aliases.1', 'citesTerm', 'name']);
    expect(e.issues?.find((i) => i.field === 'citesTerm')?.message).toBe('must be a CITES term code: three capital letters, e.g. DER');
    expect(e.issues?.find((i) => i.field === 'aliases.1')?.message).toBe('“SEA  HORSES” is written twice (the name and other spellings must differ)');
    expect(wc.list()).toEqual([]);
    expect(doc.getArray('audit').length).toBe(0);
  });

  it('refuses a name or alias the curated list or another entry holds, saying which', () => {
    const doc = new Y.Doc();
    const wc = new WorkspaceCommodities(doc);
    const curated = thrown(() => wc.add(ID1, seahorses({ aliases: ['ＰＡＮＧＯＬＩＮ scale'] }), ADMIN));
    expect(curated.code).toBe('validation');
    expect(curated.issues).toEqual([{ field: 'aliases.0', message: '“ＰＡＮＧＯＬＩＮ scale” is already in the curated commodity list (as Pangolin scales)' }]);
    expect(curated.message).toBe('A name is already taken: “ＰＡＮＧＯＬＩＮ scale” is already in the curated commodity list (as Pangolin scales)');
    wc.add(ID1, seahorses(), ADMIN);
    const own = thrown(() => wc.add(ID2, seahorses({ name: 'Seahorse powder', aliases: ['Hippocampus,  dried'] }), ADMIN));
    expect(own.issues).toEqual([{ field: 'aliases.0', message: '“Hippocampus,  dried” is already this workspace’s commodity Dried seahorses' }]);
    // Renaming an entry onto a curated name is refused too; its own names are not a collision.
    expect(thrown(() => wc.update(ID1, { name: 'Tusks' }, ADMIN)).issues?.[0]?.field).toBe('name');
    expect(wc.update(ID1, { aliases: ['sea horses', 'hippocampus, dried', 'seahorse'] }, OTHER)).toEqual(['aliases']);
    expect(wc.list().map((c) => c.id)).toEqual([ID1]);
  });

  it('updates only changed fields with stamps and audit; removal is a tombstone and frees the name', () => {
    const doc = new Y.Doc();
    const wc = new WorkspaceCommodities(doc);
    wc.add(ID1, seahorses(), ADMIN);
    expect(wc.update(ID1, { unit: 'kg', note: 'Sold as TCM' }, OTHER)).toEqual(['note']);
    expect(wc.get(ID1)).toMatchObject({ note: 'Sold as TCM', updatedBy: 'admin-2', updatedAt: 1_700_000_000_500, createdBy: 'admin-1' });
    wc.remove(ID1, OTHER);
    expect(wc.list()).toEqual([]);
    expect(wc.get(ID1)).toBeNull();
    const rec = doc.getMap<Y.Map<unknown>>('commodities').get(ID1)!;
    expect(rec.get('deleted')).toBe(true);
    expect(rec.get('name')).toBe('Dried seahorses');
    expect(doc.getArray('audit').toArray().map((a) => (a as { action: string }).action)).toEqual(['commodity.add', 'commodity.update', 'commodity.delete']);
    expect(thrown(() => wc.update(ID1, { note: 'x' }, ADMIN)).code).toBe('not-found');
    expect(wc.catalogue().check('sea horses')).toEqual({ status: 'unlisted' });
    wc.add(ID2, seahorses(), ADMIN);
    expect(wc.list().map((c) => c.id)).toEqual([ID2]);
  });

  it('merges concurrent edits of different fields; a concurrent removal is not undone by an edit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new WorkspaceCommodities(a).add(ID1, seahorses(), ADMIN);
    sync(a, b);
    new WorkspaceCommodities(a).update(ID1, { unit: 'pieces' }, ADMIN);
    new WorkspaceCommodities(b).update(ID1, { note: 'Seen at three ports' }, OTHER);
    sync(a, b);
    for (const d of [a, b]) expect(new WorkspaceCommodities(d).get(ID1)).toMatchObject({ unit: 'pieces', note: 'Seen at three ports' });
    new WorkspaceCommodities(a).remove(ID1, ADMIN);
    new WorkspaceCommodities(b).update(ID1, { source: 'later edit' }, OTHER);
    sync(a, b);
    for (const d of [a, b]) expect(new WorkspaceCommodities(d).list()).toEqual([]);
  });

  it('reports the later of two entries given the same name offline, and a record whose fields fail', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new WorkspaceCommodities(a).add(ID1, seahorses(), ADMIN);
    new WorkspaceCommodities(b).add(ID2, seahorses({ name: 'DRIED SEAHORSES', aliases: [] }), OTHER);
    sync(a, b);
    for (const d of [a, b]) {
      const wc = new WorkspaceCommodities(d);
      expect(wc.list().map((c) => c.id)).toEqual([ID1]);
      expect(wc.invalid()).toEqual([{ id: ID2, issues: [{ field: 'name', message: 'Its name or another spelling is also held by Dried seahorses, added earlier: rename or remove one of them' }] }]);
    }
    // A record written by an older or broken peer with a bad unit is left out and reported.
    a.getMap<Y.Map<unknown>>('commodities').get(ID1)!.set('unit', 'bushels');
    const wc = new WorkspaceCommodities(a);
    expect(wc.invalid().map((r) => [r.id, r.issues.map((i) => i.field)])).toEqual([[ID1, ['unit']]]);
    // With ID1 out, ID2's name is free again: it is listed.
    expect(wc.list().map((c) => c.id)).toEqual([ID2]);
  });

  it('tells observers which records changed', () => {
    const doc = new Y.Doc();
    const wc = new WorkspaceCommodities(doc);
    const seen: string[][] = [];
    const off = wc.observe((ids) => seen.push([...ids]));
    wc.add(ID1, seahorses(), ADMIN);
    wc.update(ID1, { note: 'n' }, ADMIN);
    doc.getMap('settings').set('name', 'unrelated');
    off();
    wc.remove(ID1, ADMIN);
    expect(seen).toEqual([[ID1], [ID1]]);
  });
});
