/**
 * Route kinds and per-point times in the case doc (issue 11 item 5): patrol tracks keep their kind
 * and times through a write and a sync, and a route stored before kinds existed (no `kind`, no
 * `times`) still loads, read as a suspected trafficking route.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseDoc } from '../../../shared/docs/case-doc';
import { newCaseFields } from '../../../shared/domain/case';
import { pointTimeMs, routeFieldsSchema, routeKindOf } from '../../../shared/domain/route';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const R1 = '33333333-3333-4333-8333-333333333333';
const R2 = '44444444-4444-4444-8444-444444444444';
const alice = { memberId: 'alice', now: () => 1_700_000_000_000 };

function newCase(): CaseDoc {
  const cd = new CaseDoc(new Y.Doc());
  cd.init(CASE_ID, 'NEST-2026-0001', { ...newCaseFields('2026-11-29'), title: 'Mombasa patrols' }, alice);
  return cd;
}

describe('case routes: kinds and times', () => {
  it('loads a route stored before kinds existed and reads it as a suspected trafficking route', () => {
    const cd = newCase();
    // Exactly what an older version wrote: name, points, notes, createdBy, createdAt.
    cd.doc.transact(() => {
      const rec = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ name: 'Old route', points: [[-3.4, 29.3], [-1.3, 36.8]], notes: 'from 2024', createdBy: 'bob', createdAt: 1 })) rec.set(k, v);
      cd.doc.getMap<Y.Map<unknown>>('routes').set(R1, rec);
    });
    const [route] = cd.listRoutes();
    expect(route).toEqual({ id: R1, name: 'Old route', points: [[-3.4, 29.3], [-1.3, 36.8]], notes: 'from 2024', createdBy: 'bob', createdAt: 1 });
    expect(route!.kind).toBeUndefined();
    expect(routeKindOf(route!)).toBe('trafficking');
  });

  it('keeps a patrol track’s kind and per-point times through a write and a sync', () => {
    const cd = newCase();
    const times = [Date.UTC(2021, 2, 4, 6), null, Date.UTC(2021, 2, 4, 8)];
    cd.addRoutes([{ id: R2, fields: { name: 'Patrol 4 March', points: [[-4, 39.6], [-4.05, 39.65], [-4.1, 39.7]], notes: '', kind: 'patrol', times } }], alice);
    const replica = new CaseDoc(new Y.Doc());
    Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(cd.doc));
    const [route] = replica.listRoutes();
    expect(route).toMatchObject({ name: 'Patrol 4 March', kind: 'patrol', times });
    expect(routeKindOf(route!)).toBe('patrol');
  });

  it('refuses times that are not one per point, and an unknown kind', () => {
    const base = { name: 'T', points: [[0, 0], [1, 1]] as [number, number][], notes: '' };
    expect(routeFieldsSchema.safeParse({ ...base, times: [1] }).success).toBe(false);
    expect(routeFieldsSchema.safeParse({ ...base, times: [1, 2] }).success).toBe(true);
    expect(routeFieldsSchema.safeParse({ ...base, kind: 'smuggling' }).success).toBe(false);
    expect(() => newCase().addRoutes([{ id: R1, fields: { ...base, times: [1, 2, 3] } }], alice)).toThrow();
  });

  it('reads point times written as ISO timestamps or epoch milliseconds', () => {
    expect(pointTimeMs('2021-03-04T06:00:00Z')).toBe(Date.UTC(2021, 2, 4, 6));
    expect(pointTimeMs('2021-03-04T09:00:00+03:00')).toBe(Date.UTC(2021, 2, 4, 6));
    expect(pointTimeMs(1_614_837_600_000)).toBe(1_614_837_600_000);
    expect(pointTimeMs('')).toBeNull();
    expect(pointTimeMs('yesterday')).toBeNull();
    expect(pointTimeMs(Number.NaN)).toBeNull();
  });
});
