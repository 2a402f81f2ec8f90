/**
 * The relay's reading of what an update deletes (relay/hub/deletion-check.ts) against real case
 * docs written through the typed view, and the rules of shared/permissions/deletion-rules.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { summariseDeletions } from '../../shared/permissions';
import { CaseDoc } from '../../shared/docs/case-doc';
import { newSeizureFields } from '../../shared/domain/seizure';
import { classifyDeletion, isAppendOnly, judgeDeletions, MASS_DELETION_THRESHOLD, type DeletionSummary } from '../../shared/permissions';

const w = { memberId: 'm1' };

/** A case doc with `n` seizures (the relay's copy) and a client replica synced from it. */
function pair(n: number): { relay: Y.Doc; client: Y.Doc; ids: string[] } {
  const relay = new Y.Doc();
  const view = new CaseDoc(relay);
  view.init('00000000-0000-4000-8000-000000000001', 'NEST-2026-0001', { title: 'Ivory', status: 'open', sector: 'wildlife', tlp: 'AMBER', jurisdictions: [], leadAgency: 'Customs', openedOn: '2026-01-01' } as never, w);
  const ids = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i + 100).padStart(12, '0')}`);
  for (const id of ids) view.addSeizure(id, { ...newSeizureFields('2026-01-02'), country: 'KE', commodity: 'Ivory' }, w);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(relay));
  return { relay, client, ids };
}

/** The update `edit` makes on the client. */
function updateOf(client: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  edit();
  return Y.encodeStateAsUpdate(client, before);
}

const summary = (s: DeletionSummary) => ({ appendOnly: s.appendOnly, removed: [...s.removed].sort(), flagged: [...s.flagged].sort() });

describe('summariseDeletions', () => {
  it('finds deletions in the audit array', () => {
    const { relay, client } = pair(2);
    const u = updateOf(client, () => client.getArray('audit').delete(0, 2));
    expect(summary(summariseDeletions(relay, u))).toEqual({ appendOnly: 2, removed: [], flagged: [] });
  });

  it('finds whole records removed, and records marked deleted through the typed view', () => {
    const { relay, client, ids } = pair(3);
    const hard = updateOf(client, () => client.getMap('seizures').delete(ids[0]!));
    expect(summary(summariseDeletions(relay, hard))).toEqual({ appendOnly: 0, removed: [`seizures/${ids[0]}`], flagged: [] });
    // A delete set is cumulative (a sync step 2 carries every deletion): what the relay already
    // applied is not counted again.
    Y.applyUpdate(relay, hard);
    const soft = updateOf(client, () => new CaseDoc(client).deleteSeizure(ids[1]!, w));
    expect(summary(summariseDeletions(relay, soft))).toEqual({ appendOnly: 0, removed: [], flagged: [`seizures/${ids[1]}`] });
  });

  it('an ordinary edit (a field overwritten, summary text deleted, an audit entry appended) deletes no record', () => {
    const { relay, client, ids } = pair(1);
    new CaseDoc(relay).setSummary('hello world', w);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(client)));
    const u = updateOf(client, () => {
      new CaseDoc(client).updateSeizure(ids[0]!, { place: 'Mombasa' }, w);
      new CaseDoc(client).setSummary('hello', w);
    });
    expect(summary(summariseDeletions(relay, u))).toEqual({ appendOnly: 0, removed: [], flagged: [] });
  });

  it('deleting what the relay never had is not judged', () => {
    const { relay, client } = pair(0);
    const u = updateOf(client, () => {
      client.getArray('audit').push([{ at: 1, by: 'x', action: 'y' }]);
      client.getArray('audit').delete(client.getArray('audit').length - 1, 1);
    });
    expect(summariseDeletions(relay, u).appendOnly).toBe(0);
  });
});

describe('deletion rules', () => {
  it('append-only paths, with wildcards', () => {
    expect([isAppendOnly(['audit']), isAppendOnly(['exhibits', 'e1', 'custody']), isAppendOnly(['exhibits', 'e1']), isAppendOnly(['seizures'])]).toEqual([true, true, false, false]);
    // The case doc's list of volume docs: delisting a volume would hide its seizures (docs/architecture.md § Volume docs).
    expect(isAppendOnly(['volumes'])).toBe(true);
    expect(classifyDeletion(['seizures'], 'id1', true)).toEqual({ kind: 'record-removed', map: 'seizures', recordId: 'id1' });
    expect(classifyDeletion(['seizures', 'id1'], 'place', false)).toEqual({ kind: 'content' });
  });

  it('who may delete what', () => {
    const s = (appendOnly: number, removed: string[], flagged: string[]): DeletionSummary => ({ appendOnly, removed: new Set(removed), flagged: new Set(flagged) });
    expect(judgeDeletions('admin', s(1, [], []), 0)).toBe('append-only');
    expect(judgeDeletions('investigator', s(0, ['seizures/a'], []), 0)).toBe('record-removal-denied');
    expect(judgeDeletions('admin', s(0, ['seizures/a'], []), 0)).toBeNull();
    expect(judgeDeletions('investigator', s(0, [], ['seizures/a']), MASS_DELETION_THRESHOLD - 1)).toBeNull();
    expect(judgeDeletions('investigator', s(0, [], ['seizures/a', 'seizures/b']), MASS_DELETION_THRESHOLD - 1)).toBe('mass-deletion');
    expect(judgeDeletions('admin', s(0, [], ['seizures/a', 'seizures/b']), MASS_DELETION_THRESHOLD - 1)).toBeNull();
  });
});
