/**
 * The link chart's graph and placement: nodes for entities, linked seizures only, one bridge node
 * per other case with one edge per entity; placement is deterministic, keeps stored positions and
 * puts new nodes below the existing ones.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { bridgeId, chartElements, placeNew } from '../../../renderer/src/link-chart/chart-elements';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { newSeizureFields } from '../../../shared/domain/seizure';
import { newLinkFields } from '../../../shared/domain/entity-links';
import type { CrossCaseMatch } from '../../../shared/rpc/entities';

const w = { memberId: 'alice', now: () => 1 };
const V = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const C = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const S1 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const S2 = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

function sample(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init('11111111-1111-4111-8111-111111111111', 'NEST-2026-0001', { ...newCaseFields('2026-01-01'), title: 'Pangolins' }, w);
  cd.addEntity(V, { kind: 'vessel', name: 'Kota Hapas', aliases: [], imo: '9074729', mmsi: '', flag: '', callSign: '', notes: '' }, w);
  cd.addEntity(C, { kind: 'organisation', name: 'Hai Phong Trading Co.', aliases: [], registrationNumber: '', jurisdiction: '', notes: '' }, w);
  cd.addSeizure(S1, { ...newSeizureFields('2019-04-03'), country: 'SG', commodity: 'pangolin scales' }, w);
  cd.addSeizure(S2, { ...newSeizureFields('2019-04-08'), country: 'SG', commodity: 'ivory' }, w);
  cd.addLink('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', newLinkFields(C, V, 'operator'), w);
  cd.addLink('ffffffff-ffff-4fff-8fff-ffffffffffff', newLinkFields(C, S1, 'shipper'), w);
  return cd;
}

const match = (entityId: string, scheme: string): CrossCaseMatch => ({
  entityId,
  otherCaseId: 'other',
  otherCaseNumber: 'NEST-2026-0002',
  otherCaseTitle: 'Second',
  otherDocName: 'x',
  otherEntityId: 'o',
  otherEntityKind: 'vessel',
  otherLabel: 'MV Hapas',
  scheme,
  value: '9074729',
  strength: 'strong',
});

describe('link chart elements', () => {
  it('labels a seizure with its date at its precision (a year-precision date is the year, not 1 Jan)', () => {
    const cd = sample();
    cd.updateSeizure(S1, { seizureDate: '2019-01-01', datePrecision: 'year' }, w);
    const g = chartElements(cd.listEntities(), cd.listLinks(), cd.listSeizures(), []);
    expect(g.nodes.find((n) => n.kind === 'seizure')?.label).toBe('pangolin scales\n2019');
  });

  it('has the entities, the linked seizure only, and one bridge to the other case', () => {
    const cd = sample();
    const g = chartElements(cd.listEntities(), cd.listLinks(), cd.listSeizures(), [match(V, 'imo'), match(V, 'imo')]);
    expect(g.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['organisation', 'Hai Phong Trading Co.'],
      ['vessel', 'Kota Hapas'],
      ['seizure', 'pangolin scales\n3 Apr 2019'],
      ['case', 'NEST-2026-0002\nSecond'],
    ]);
    expect(g.edges.map((e) => [e.source, e.target, e.label, e.bridge])).toEqual([
      [C, V, 'operator of', false],
      [C, S1, 'shipper of', false],
      [V, bridgeId('other'), 'IMO 9074729', true],
    ]);
    // Drawn labels and sizes come from chart-text.ts.
    expect(g.nodes.map((n) => [n.display, n.size])).toEqual([
      ['Hai Phong Trading Co.', 44],
      ['Kota Hapas', 44],
      ['pangolin scales\n3 Apr 2019', 36],
      ['NEST-2026-0002\nSecond', 48],
    ]);
  });

  it('places nodes deterministically and keeps stored positions', () => {
    const cd = sample();
    const { nodes } = chartElements(cd.listEntities(), cd.listLinks(), cd.listSeizures(), []);
    const first = placeNew(nodes, {});
    expect(placeNew(nodes, {})).toEqual(first);
    expect(Object.keys(first).sort()).toEqual([C, V, S1].sort());
    cd.saveChartLayout(first, w);
    expect(cd.readChartLayout()).toEqual(first);
    expect(placeNew(nodes, cd.readChartLayout())).toEqual({});
    const more = [...nodes, { id: 'zz', label: 'new', kind: 'phone', color: '#000', shape: 'ellipse' }];
    const placed = placeNew(more, cd.readChartLayout());
    expect(Object.keys(placed)).toEqual(['zz']);
    expect(placed.zz!.y).toBeGreaterThan(Math.max(...Object.values(first).map((p) => p.y)));
  });
});
