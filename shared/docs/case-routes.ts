/**
 * The routes of a case doc (`routes`: Y.Map<routeId, Y.Map> of {@link RouteFields}: suspected
 * trafficking routes and patrol tracks, deleted ones kept as tombstones) and the audit entries their writes append.
 * `CaseDoc` delegates to these functions; nothing else calls them.
 */
import * as Y from 'yjs';
import { routeFieldsSchema, type Route, type RouteFields } from '../domain/route';
import { summaryOf, ROUTE_SUMMARY_FIELDS } from './case-audit';
import type { CaseParts, Tx } from './case-seizures';
import { insertRecord, readFields, requireRecord, stamp, validateWhole, writeFields, type Writer } from './records';

/**
 * A route record, or null when its fields are not valid (a damaged or foreign record is skipped, not
 * shown wrong). A record stored before route kinds existed has no `kind` and no `times`: it loads as
 * it is, and `routeKindOf` reads it as a suspected trafficking route.
 */
function toRoute(id: string, rec: Y.Map<unknown>): Route | null {
  const raw = readFields(rec);
  const r = routeFieldsSchema.safeParse({
    name: raw.name, points: raw.points, notes: raw.notes ?? '',
    ...(raw.kind !== undefined ? { kind: raw.kind } : {}),
    ...(raw.times !== undefined ? { times: raw.times } : {}),
  });
  return r.success ? { ...r.data, id, createdBy: String(raw.createdBy ?? ''), createdAt: Number(raw.createdAt ?? 0) } : null;
}

/** All live routes, by name. Records whose points are invalid are skipped. */
export function listRoutes(p: CaseParts): Route[] {
  const out: Route[] = [];
  p.routes.forEach((rec, id) => {
    if (!(rec instanceof Y.Map) || rec.get('deleted') === true) return;
    const route = toRoute(id, rec);
    if (route) out.push(route);
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The name of route `id`, deleted or not; null when there is no such route or it has no name. */
export function routeName(p: CaseParts, id: string): string | null {
  const rec = p.routes.get(id);
  const name = rec instanceof Y.Map ? rec.get('name') : undefined;
  return typeof name === 'string' && name ? name : null;
}

/**
 * Adds routes in one transaction (validated first; nothing is written when one is bad), with one
 * audit entry (`count`, and `target` the route's id when there is one).
 * @throws NestError('validation').
 */
export function addRoutes(p: CaseParts, tx: Tx, items: { id: string; fields: RouteFields }[], w: Writer): void {
  const valid = items.map((it) => ({ id: it.id, fields: validateWhole(routeFieldsSchema, it.fields) }));
  if (!valid.length) return;
  const at = stamp(w);
  tx(w, () => {
    for (const { id, fields } of valid) insertRecord(p.routes, id, { ...fields, createdBy: w.memberId, createdAt: at });
    p.audit.push([valid.length === 1 ? { at, by: w.memberId, action: 'route.add', count: 1, target: valid[0]!.id } : { at, by: w.memberId, action: 'route.add', count: valid.length }]);
  });
}

/**
 * Deletes a route (tombstone); the audit entry keeps its name and notes.
 * @throws NestError('not-found').
 */
export function deleteRoute(p: CaseParts, tx: Tx, id: string, w: Writer): void {
  const rec = requireRecord(p.routes, id, 'route');
  tx(w, () => {
    const summary = summaryOf(readFields(rec), ROUTE_SUMMARY_FIELDS);
    writeFields(rec, { deleted: true });
    p.audit.push([{ at: stamp(w), by: w.memberId, action: 'route.delete', target: id, summary }]);
  });
}
