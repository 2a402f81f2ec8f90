/**
 * Basemaps (docs/map.md § Basemaps): the workspace's online tile layer (read by any member, set by
 * a workspace admin: `workspace.settings`), the shape of a registered offline basemap as the page
 * lists it, and the two trusted-only methods Electron main calls — `basemaps.addFromPaths` with the
 * files its native dialog returned (a page never names a path), and `basemaps.request`, which
 * carries one `app://basemaps/…` request to the data service's BasemapRegistry and its answer
 * back (the same answers the browser host's `/basemaps/<key>/…` routes give).
 */
import { z } from 'zod';
import { method, trustedMethod } from './define';
import { onlineTilesSchema } from '../domain/online-tiles';

/** A registered basemap. Bounds [west, south, east, north] in WGS84 degrees, or null when the file does not say. */
export const basemapInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['mbtiles', 'pmtiles']),
  /** Tile format: png, jpg, webp, avif, pbf (vector) or unknown. */
  format: z.string(),
  minZoom: z.number().nullable(),
  maxZoom: z.number().nullable(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  attribution: z.string().nullable(),
});
/** A registered basemap (see {@link basemapInfoSchema}). */
export type BasemapInfo = z.infer<typeof basemapInfoSchema>;

/** What registering chosen basemap files did: those registered, and those that could not be read (base name and reason). */
export const addBasemapsResultSchema = z.object({ added: z.array(basemapInfoSchema), skipped: z.array(z.object({ name: z.string(), reason: z.string() })) });
/** See {@link addBasemapsResultSchema}. */
export type AddBasemapsResult = z.infer<typeof addBasemapsResultSchema>;

/** Largest basemap answer carried over RPC (a PMTiles range is at most 16 MiB; base64 adds a third). */
const MAX_ANSWER_BASE64 = 23 * 1024 * 1024;

const workspaceId = z.string().uuid();

export const basemapsRpc = {
  'basemaps.onlineTiles': method(z.object({ workspaceId }), onlineTilesSchema.nullable(), 'The online tile layer a workspace admin enabled, or null (off, the default).', 'workspace.read'),
  'basemaps.setOnlineTiles': method(
    z.object({ workspaceId, onlineTiles: onlineTilesSchema.nullable() }),
    z.object({}),
    'Enables (https URL template with {z}/{x}/{y}, attribution) or disables (null) the workspace’s online tile layer. Workspace admins only.',
    'workspace.settings',
  ),
  'basemaps.addFromPaths': trustedMethod(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    addBasemapsResultSchema,
    'Registers offline basemap files (.mbtiles, .pmtiles) at absolute paths chosen in main’s dialog, and remembers them on this device.',
    null,
  ),
  'basemaps.request': trustedMethod(
    z.object({ method: z.string().max(10), path: z.string().max(300), range: z.string().max(100).optional() }),
    z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), base64: z.string().max(MAX_ANSWER_BASE64).nullable() }),
    'Answers one app://basemaps/… request (list.json, an MBTiles tile, a PMTiles byte range) for Electron main’s protocol handler.',
    null,
  ),
};
