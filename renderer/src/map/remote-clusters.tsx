/**
 * Clustered seizures answered by the data service (shared/rpc/map.ts), for a case or workspace
 * map with more mapped seizures than the page should hold (see {@link REMOTE_MAP_FROM}): after
 * each move or zoom the view asks `map.clusters` for what it draws, a few hundred items whatever
 * the case's size, and draws them like the page's own clusters (cluster-layer.tsx). A click on a
 * cluster asks `map.leaves` where it splits; one that no zoom splits opens the list of its
 * seizures, paged and searched through `map.leaves` (place-list.ts). The heat layer, when on, is drawn from the view's items
 * weighted by their counts.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap, useMapEvents } from 'react-leaflet';
import type { MapFilterInput, MapItemDto } from '../../../shared/rpc/map';
import { CLUSTER_MAX_ZOOM } from '../../../shared/domain/map-filter';
import { useClient } from '../app/services';
import { dominantSector, lonIntoView, type ClusterItem, type MapItem, type ViewBox } from './cluster-index';
import { MapItems, openPlaceList, useItemCounts, viewBox } from './cluster-layer';
import { HeatLayer } from './heat-layer';
import type { PopupSource } from './map-layers';
import type { PlaceSource } from './place-list';
import type { ViewItems } from './map-png';

/** From this many mapped seizures a map is clustered on the data service instead of in the page. */
export const REMOTE_MAP_FROM = 5000;

/** Which seizures a remote map shows: a case's (or the workspace's), narrowed by a filter; `version` changes with the projection. */
export interface RemoteScope {
  workspaceId: string;
  caseId?: string;
  filter: MapFilterInput;
  version: string;
}

/** A view item of the data service as the page draws it: longitudes moved into the view's range. */
export function toMapItem(it: MapItemDto, box: ViewBox): MapItem {
  const [west, , east] = box;
  if (it.kind === 'point') return { kind: 'point', lat: it.point.latitude, lon: lonIntoView(it.point.longitude, west, east), point: it.point };
  return { kind: 'cluster', id: it.id, lat: it.latitude, lon: lonIntoView(it.longitude, west, east), count: it.count, sectorCounts: it.sectorCounts, dominant: dominantSector(it.sectorCounts), flagged: it.flagged };
}

/** A view item's least heat (a lone seizure's when the view holds a large cluster): visible, not hot. */
const HEAT_FLOOR = 0.4;
/** Seizures the largest item of a view must stand for to be drawn at full heat (a view of single seizures is not all red). */
const HOT_FROM = 8;

/**
 * A view item's heat, relative to the view's largest item of `most` seizures: {@link HEAT_FLOOR}
 * plus the rest in the share of the log of its count over the log of `most` (at least
 * {@link HOT_FROM}), so the densest place of any view is hot and a lone seizure still shows. Drawn
 * without leaflet.heat's zoom fading (heat-layer.tsx `COUNTED_HEAT_OPTIONS`): before, every cluster
 * at a fitted zoom drew at the floor opacity and the heat map looked like the plain map (F7).
 */
export function heatOf(it: MapItem, most: number): L.HeatLatLngTuple {
  const count = it.kind === 'point' ? 1 : it.count;
  const share = Math.log2(1 + count) / Math.log2(1 + Math.max(most, count, HOT_FROM));
  return [it.lat, it.lon, HEAT_FLOOR + (1 - HEAT_FLOOR) * share];
}

/** The most seizures one item of `items` stands for (1 for single seizures only, 0 for none). */
export function mostInView(items: readonly MapItem[]): number {
  let most = 0;
  for (const it of items) most = Math.max(most, it.kind === 'point' ? 1 : it.count);
  return most;
}

/** The data service's clusters of the current view; `view` is kept pointing at the last answer (the PNG export draws it). */
export function RemoteClusterMarkers(props: { scope: RemoteScope; source: { current: PopupSource }; heat: boolean; view: { current: ViewItems } }): ReactNode {
  const map = useMap();
  const client = useClient();
  const { scope, source, heat, view } = props;
  const [items, setItems] = useState<MapItem[]>([]);
  const asked = useRef(0);
  const base = useMemo(() => ({ workspaceId: scope.workspaceId, ...(scope.caseId ? { caseId: scope.caseId } : {}), filter: scope.filter }), [scope.workspaceId, scope.caseId, JSON.stringify(scope.filter)]);
  const refresh = useCallback(() => {
    const n = ++asked.current;
    const box = viewBox(map);
    void client.call('map.clusters', { ...base, bbox: box, zoom: map.getZoom() }).then(
      (r) => {
        // A later move asked again meanwhile: its answer wins.
        if (n === asked.current) setItems(r.items.map((it) => toMapItem(it, box)));
      },
      () => undefined, // the next move asks again; the overview's error panel says what is wrong
    );
  }, [client, map, base]);
  useEffect(refresh, [refresh, scope.version]);
  useMapEvents({ moveend: refresh, zoomend: refresh });
  useItemCounts(map, items);
  useEffect(() => {
    view.current = { query: () => items };
  }, [items, view]);
  const onCluster = useCallback(
    (c: ClusterItem) => {
      void (async () => {
        try {
          const head = await client.call('map.leaves', { ...base, clusterId: c.id, limit: 0 });
          if (!head.colocated && head.expansionZoom <= CLUSTER_MAX_ZOOM && head.expansionZoom > map.getZoom()) {
            map.flyTo([c.lat, c.lon], head.expansionZoom, { duration: 0.4 });
            return;
          }
          const pages: PlaceSource = {
            total: head.total,
            places: head.places,
            page: (offset, limit, search) => client.call('map.leaves', { ...base, clusterId: c.id, offset, limit, search }),
          };
          openPlaceList(map, L.latLng(c.lat, c.lon), pages, source);
        } catch {
          refresh(); // the cluster is gone (the projection changed): draw the view again
        }
      })();
    },
    [client, base, map, source, refresh],
  );
  const cells = useMemo(() => {
    if (!heat) return [];
    const most = mostInView(items);
    return items.map((it) => heatOf(it, most));
  }, [heat, items]);
  return (
    <>
      {heat ? <HeatLayer cells={cells} counted /> : null}
      <MapItems items={items} onCluster={onCluster} source={source} />
    </>
  );
}
