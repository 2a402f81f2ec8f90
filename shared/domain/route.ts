/**
 * A trafficking route: a named polyline (e.g. a suspected smuggling route from a field GPS track
 * or a KML LineString) drawn on the case map.
 */
import { z } from 'zod';
import { t } from '../messages/format';
import { latitudeSchema, lineSchema, longitudeSchema } from './fields';

/** Route fields. `points` are [latitude, longitude] pairs in WGS84 degrees, in travel order (2 to 10,000). */
export const routeFieldsSchema = z.object({
  name: lineSchema(200).min(1, t('field.required')),
  points: z.array(z.tuple([latitudeSchema, longitudeSchema])).min(2, t('field.min-points', { min: 2 })).max(10_000),
  notes: z.string().max(10_000),
});
/** Route fields. */
export type RouteFields = z.infer<typeof routeFieldsSchema>;

/** A route as stored. */
export type Route = RouteFields & { id: string; createdBy: string; createdAt: number };
