/**
 * An offline basemap's raster tiles on the map (docs/map.md § Basemaps), in pane `basemap-tiles`
 * above the Natural Earth outlines (which stay below as the context outside the file's area):
 * - MBTiles: `L.tileLayer` on the tiles route (`<base>/tiles/<id>/{z}/{x}/{y}.<ext>`); a tile the
 *   file lacks is a 204 and shows nothing;
 * - PMTiles: a GridLayer whose tiles are read with the pmtiles package (`PMTiles.getZxy`, Range
 *   requests to `<base>/pmtiles/<id>`). Not the package's own `leafletRasterLayer`: it needs a
 *   global `L` (ours is an ES module import), and it never reports a failed read to Leaflet.
 * Tiles load only inside the file's bounds and from its min zoom; past its max zoom the deepest
 * tiles are scaled. The map's own max zoom is raised to the file's while it is shown.
 * Sets `data-tiles` on the map container: `loading`, then `loaded` once a view's tiles are in.
 */
import { useEffect, type ReactNode } from 'react';
import L from 'leaflet';
import { PMTiles, TileType } from 'pmtiles';
import { useMap } from 'react-leaflet';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';

/** The seizure maps' own deepest zoom (Natural Earth shows nothing finer). */
export const DEFAULT_MAX_ZOOM = 13;

const MIME: Partial<Record<number, string>> = { [TileType.Png]: 'image/png', [TileType.Jpeg]: 'image/jpeg', [TileType.Webp]: 'image/webp', [TileType.Avif]: 'image/avif' };

/** A raster GridLayer over one PMTiles archive at `url`. */
function pmtilesLayer(url: string, options: L.GridLayerOptions): L.GridLayer {
  const archive = new PMTiles(url);
  const Layer = L.GridLayer.extend({
    createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
      const img = document.createElement('img');
      img.alt = '';
      const controller = new AbortController();
      (img as HTMLImageElement & { nestCancel?: () => void }).nestCancel = () => controller.abort();
      void Promise.all([archive.getHeader(), archive.getZxy(coords.z, coords.x, coords.y, controller.signal)]).then(
        ([header, tile]) => {
          if (!tile) return done(undefined, img);
          img.onload = () => done(undefined, img);
          img.onerror = () => done(new Error('tile image unreadable'), img);
          img.src = URL.createObjectURL(new Blob([tile.data], { type: MIME[header.tileType] ?? 'application/octet-stream' }));
        },
        (err: unknown) => {
          if ((err as Error).name !== 'AbortError') done(err instanceof Error ? err : new Error(String(err)), img);
        },
      );
      return img;
    },
  });
  const layer = new (Layer as unknown as new (o: L.GridLayerOptions) => L.GridLayer)(options);
  layer.on('tileunload', (e: L.TileEvent) => {
    const img = e.tile as HTMLImageElement & { nestCancel?: () => void };
    img.nestCancel?.();
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  });
  return layer;
}

/** Props of {@link OfflineTileLayer}. */
export interface OfflineTileLayerProps {
  basemap: BasemapInfo;
  /** The basemap root (platform/basemap-source.ts). */
  base: string;
}

/** The chosen offline basemap's tiles. */
export function OfflineTileLayer(props: OfflineTileLayerProps): ReactNode {
  const map = useMap();
  const { basemap: b, base } = props;
  useEffect(() => {
    if (!map.getPane('basemap-tiles')) map.createPane('basemap-tiles').style.zIndex = '260';
    const options: L.GridLayerOptions = {
      pane: 'basemap-tiles',
      ...(b.bounds ? { bounds: L.latLngBounds([b.bounds[1], b.bounds[0]], [b.bounds[3], b.bounds[2]]) } : {}),
      ...(b.minZoom !== null ? { minZoom: b.minZoom } : {}),
      ...(b.maxZoom !== null ? { maxNativeZoom: b.maxZoom } : {}),
      maxZoom: Math.max(DEFAULT_MAX_ZOOM, b.maxZoom ?? 0),
    };
    const ext = b.format === 'jpeg' ? 'jpg' : b.format;
    const layer = b.kind === 'mbtiles' ? L.tileLayer(`${base}/tiles/${encodeURIComponent(b.id)}/{z}/{x}/{y}.${ext}`, options) : pmtilesLayer(`${base}/pmtiles/${encodeURIComponent(b.id)}`, options);
    const el = map.getContainer();
    el.dataset.tiles = 'loading';
    layer.on('loading', () => (el.dataset.tiles = 'loading'));
    layer.on('load', () => (el.dataset.tiles = 'loaded'));
    map.setMaxZoom(Math.max(DEFAULT_MAX_ZOOM, b.maxZoom ?? 0));
    layer.addTo(map);
    return () => {
      layer.remove();
      delete el.dataset.tiles;
      map.setMaxZoom(DEFAULT_MAX_ZOOM);
    };
  }, [map, b, base]);
  return null;
}
