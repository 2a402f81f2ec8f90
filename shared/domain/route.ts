/**
 * A route on the case map: a named polyline of one of two kinds —
 * - `patrol`: a patrol track (a GPX `<trk>`, a KML `gx:Track` or a LineString recorded by a field
 *   GPS), usually with the time at each point;
 * - `trafficking`: a suspected trafficking route (origin → transit → destination) drawn or imported
 *   by an analyst.
 * Routes stored before kinds existed have no `kind`; they were all suspected trafficking routes, so
 * {@link routeKindOf} reads a missing kind as `trafficking` and old docs load unchanged.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { latitudeSchema, lineSchema, longitudeSchema } from './fields';

/** The kinds of route, in the order the import dialog and the legend list them. */
export const ROUTE_KINDS = ['trafficking', 'patrol'] as const;
/** A route's kind (see the module comment). */
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Most points a route may have. */
export const MAX_ROUTE_POINTS = 10_000;

/**
 * Route fields. `points` are [latitude, longitude] pairs in WGS84 degrees, in travel order (2 to
 * 10,000). `kind` is optional (absent in routes stored before kinds existed: read it with
 * {@link routeKindOf}). `times`, when present, has one entry per point: the time the point was
 * recorded in milliseconds since the Unix epoch (UTC), or null for a point the device did not time.
 */
export const routeFieldsSchema = z
  .object({
    name: lineSchema(200).min(1, t('field.required')),
    points: z.array(z.tuple([latitudeSchema, longitudeSchema])).min(2, t('field.min-points', { min: 2 })).max(MAX_ROUTE_POINTS),
    notes: z.string().max(10_000),
    kind: z.enum(ROUTE_KINDS).optional(),
    times: z.array(z.number().int().finite().nullable()).max(MAX_ROUTE_POINTS).optional(),
  })
  .refine((r) => r.times === undefined || r.times.length === r.points.length, { message: t('field.times-per-point'), path: ['times'] });
/** Route fields. */
export type RouteFields = z.infer<typeof routeFieldsSchema>;

/** A route as stored. */
export type Route = RouteFields & { id: string; createdBy: string; createdAt: number };

/**
 * When two routes are "the same" (an import of a file whose routes are already in the case):
 * same kind and the same points, in order, to 6 decimals (~0.1 m). Name, notes and times are
 * not compared: a route is its line.
 */
export function routeMatchKey(r: Pick<RouteFields, 'kind' | 'points'>): string {
  return `${routeKindOf(r)}|${r.points.map(([lat, lon]) => `${lat.toFixed(6)},${lon.toFixed(6)}`).join(';')}`;
}

/** The kind of a route; a route stored before kinds existed (no `kind`) is a suspected trafficking route. */
export function routeKindOf(r: Pick<RouteFields, 'kind'>): RouteKind {
  return r.kind ?? 'trafficking';
}

/**
 * A point time as written in a file — epoch milliseconds, or an ISO 8601 / RFC 3339 timestamp
 * ("2021-03-04T06:00:00Z") — as epoch milliseconds; null when empty or unreadable.
 */
export function pointTimeMs(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const ms = Date.parse(v.trim());
  return Number.isFinite(ms) ? ms : null;
}
