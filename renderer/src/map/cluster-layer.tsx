/**
 * Clustered seizures: the view asks the cluster index (cluster-index.ts) what to draw after each
 * move or zoom, and draws only that — clusters as count badges ringed by their sectors, single
 * seizures as circle markers (map-layers.tsx styles, tooltip and popup); seizures flagged for
 * review carry flag-mark.ts's dashed ring, clusters holding some its "!" badge and count. However many seizures
 * there are, a view holds at most a few hundred items (one per cluster radius of screen), so
 * panning stays smooth at 100,000. A click on a cluster zooms to where it splits; a cluster no
 * zoom can split (seizures at one place) opens the list of its seizures, each openable in turn.
 */
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { CircleMarker, Marker, Popup, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { CLUSTER_MAX_ZOOM, type ClusterIndex, type ClusterItem, type MapItem, type ViewBox } from './cluster-index';
import { clusterIcon } from './cluster-icon';
import { MARKER_EVENTS, MarkerPopup, CANVAS_MARKERS_FROM, type PopupSource } from './map-layers';
import { markerRadius } from './marker-style';
import { clusterTip, FLAG_DASH, FLAG_INK, FLAG_PANE, FLAG_WEIGHT, flagPane, flagRingRadius, markerTip } from './flag-mark';
import { isFlaggedForReview } from '../../../shared/domain/seizure';
import { localPlaceSource, placeList, withBack, type PlaceSource } from './place-list';
import { popupContent } from './popup-content';

/** A popup's clearance from the map's top-left corner when it pans into view (px). */
const POPUP_PAD = L.point(64, 24);

/** The map's current view as a query box (Leaflet's bounds, padded by a fifth so a short pan draws no blank edge). */
export function viewBox(map: L.Map): ViewBox {
  const b = map.getBounds().pad(0.2);
  return [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())];
}

/**
 * Opens the list of a place's seizures (`source`: a page at a time, place-list.ts) as a popup at
 * `at`; each opens its own popup, with a way back to the list as it was. Also used by
 * remote-clusters.tsx.
 */
export function openPlaceList(map: L.Map, at: L.LatLng, source: PlaceSource, popupSource: { current: PopupSource }): void {
  // Padded clear of the zoom buttons (top left), which are drawn above popups.
  const popup = L.popup({ maxWidth: 340, minWidth: 260, className: 'map-place-popup', autoPanPaddingTopLeft: POPUP_PAD }).setLatLng(at);
  const showList = (): void => {
    popup.setContent(list.element);
    popup.update();
    list.shown();
  };
  const showOne = (p: MapPoint): void => {
    const { details, onOpenSeizure, extraFor } = popupSource.current;
    const open = onOpenSeizure
      ? (id: string): void => {
          map.closePopup();
          onOpenSeizure(id, p.caseId);
        }
      : null;
    popup.setContent(withBack(popupContent(p, details?.get(p.id) ?? null, open, extraFor?.(p)), source.total, showList));
    popup.update();
  };
  const list = placeList(source, showOne, () => {
    if (popup.isOpen()) popup.update();
  });
  popup.setContent(list.element);
  popup.openOn(map);
}

/**
 * One cluster badge. Nothing may move or replace it between a click's mousedown and mouseup, or
 * the browser sends the click to whatever is under the pointer then and nothing opens:
 * - `autoPanOnFocus` is off: the mousedown focuses the badge (it is keyboard-reachable), and
 *   Leaflet's default pans a badge near the map's edge into view, by ~26 px, mid-click;
 * - its icon and handlers depend on the cluster's content, not on the query's new objects: a view
 *   refresh (every moveend) returns equal clusters as new objects, and a new icon would make
 *   Leaflet replace the badge's element.
 */
export const ClusterBadge = memo(function ClusterBadge(props: { item: ClusterItem; onClick: (c: ClusterItem) => void }): ReactNode {
  const { item, onClick } = props;
  const latest = useRef(item);
  latest.current = item;
  const handlers = useMemo(() => ({ click: () => onClick(latest.current) }), [onClick]);
  const mix = item.sectorCounts.join(',');
  const icon = useMemo(() => clusterIcon(item.count, item.sectorCounts, item.flagged), [item.count, mix, item.flagged]);
  const tip = clusterTip(item.count, item.flagged);
  return (
    <Marker position={[item.lat, item.lon]} icon={icon} eventHandlers={handlers} keyboard autoPanOnFocus={false} title={tip}>
      <Tooltip direction="top" offset={[0, -14]}>
        {tip}
      </Tooltip>
    </Marker>
  );
});

/**
 * The clustered seizures of `index` in the current view. Sets `data-items` (clusters + points
 * drawn) and `data-shown` (seizures they stand for) on the map container for tests and the bench.
 */
export function ClusterMarkers(props: { index: ClusterIndex; source: { current: PopupSource } }): ReactNode {
  const map = useMap();
  const { index, source } = props;
  const [items, setItems] = useState<MapItem[]>([]);
  const refresh = useCallback(() => setItems(index.query(viewBox(map), map.getZoom())), [index, map]);
  useEffect(refresh, [refresh]);
  // The first view built only its own zooms (cluster-index.ts); build the rest while the browser
  // is idle, so the first zoom-in does not pay for it.
  useEffect(() => {
    if (index.completed) return;
    // Then draw the view again from every zoom's clusters (their ids answer exact expansion zooms).
    const done = (): void => {
      index.complete();
      refresh();
    };
    const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    const cancelIdle = (globalThis as { cancelIdleCallback?: (h: number) => void }).cancelIdleCallback;
    if (idle && cancelIdle) {
      const h = idle(() => done(), { timeout: 2000 });
      return () => cancelIdle(h);
    }
    const h = setTimeout(done, 500);
    return () => clearTimeout(h);
  }, [index, refresh]);
  useMapEvents({ moveend: refresh, zoomend: refresh });
  useItemCounts(map, items);
  const onCluster = useCallback(
    (c: ClusterItem) => {
      const z = index.expansionZoom(c.id);
      if (!index.colocated(c.id) && z <= CLUSTER_MAX_ZOOM && z > map.getZoom()) map.flyTo([c.lat, c.lon], z, { duration: 0.4 });
      else openPlaceList(map, L.latLng(c.lat, c.lon), localPlaceSource(index.leaves(c.id)), source);
    },
    [index, map, source],
  );
  return <MapItems items={items} onCluster={onCluster} source={source} />;
}

/** Sets `data-items` (clusters + points drawn) and `data-shown` (seizures they stand for) on the map container, for tests and the benches. */
export function useItemCounts(map: L.Map, items: readonly MapItem[]): void {
  useEffect(() => {
    const el = map.getContainer();
    el.dataset.items = String(items.length);
    el.dataset.shown = String(items.reduce((n, i) => n + (i.kind === 'cluster' ? i.count : 1), 0));
  }, [items, map]);
}

/**
 * A view's items: clusters as badges (`onCluster` on click), single seizures as circle markers with
 * tooltip and popup (canvas when many); a flagged seizure's ring in the review pane above the heat
 * layer (flag-mark.ts {@link FLAG_PANE}). Both map paths (the page's clusters and the data service's) draw through it.
 */
export function MapItems(props: { items: readonly MapItem[]; onCluster: (c: ClusterItem) => void; source: { current: PopupSource } }): ReactNode {
  const { items, onCluster, source } = props;
  const map = useMap();
  // Made before the first ring is added (a path's pane must exist when it is added).
  useState(() => flagPane(map));
  const singles = items.filter((i) => i.kind === 'point').length;
  const canvas = useCanvas(singles >= CANVAS_MARKERS_FROM);
  const ringCanvas = useCanvas(singles >= CANVAS_MARKERS_FROM, FLAG_PANE);
  return items.map((it) => {
    if (it.kind === 'cluster') return <ClusterBadge key={`c${it.id}`} item={it} onClick={onCluster} />;
    const radius = markerRadius(it.point.quantity, it.point.unit);
    const flagged = isFlaggedForReview(it.point);
    const marker = (
      <CircleMarker
        key={it.point.id}
        center={[it.lat, it.lon]}
        radius={radius}
        pathOptions={{ color: '#ffffff', weight: 1.5, fillColor: SECTOR_COLORS[it.point.sector], fillOpacity: 0.85 }}
        className={`seizure-marker seizure-marker-${it.point.sector}${flagged ? ' seizure-marker-flagged' : ''}`}
        eventHandlers={MARKER_EVENTS}
        {...(canvas ? { renderer: canvas } : {})}
      >
        {/* A flagged seizure's tooltip is wide (the reason): beside the marker, on the side with room, not cut by the map's edge. */}
        <Tooltip direction={flagged ? 'auto' : 'top'} offset={flagged ? [radius + 4, 0] : [0, -6]} className={flagged ? 'map-flag-tip' : ''}>
          {markerTip(it.point)}
        </Tooltip>
        {/* Padded clear of the zoom buttons (top left), which are drawn above popups (a flagged seizure's popup is tall). */}
        <Popup maxWidth={320} minWidth={240} autoPanPaddingTopLeft={POPUP_PAD}>
          <MarkerPopup point={it.point} source={source} />
        </Popup>
      </CircleMarker>
    );
    if (!flagged) return marker;
    // The ring lies in its own pane above the heat (an SVG or canvas of that pane) and takes no pointer events: the marker keeps its clicks.
    return (
      <Fragment key={it.point.id}>
        <CircleMarker
          center={[it.lat, it.lon]}
          radius={flagRingRadius(radius)}
          interactive={false}
          pane={FLAG_PANE}
          pathOptions={{ color: FLAG_INK, weight: FLAG_WEIGHT, dashArray: FLAG_DASH.join(' '), fill: false }}
          className="seizure-flag-ring"
          {...(ringCanvas ? { renderer: ringCanvas } : {})}
        />
        {marker}
      </Fragment>
    );
  });
}

/** One canvas renderer (in `pane`, default the overlay pane) while `on` (many single markers in view), kept across refreshes. */
function useCanvas(on: boolean, pane?: string): L.Canvas | undefined {
  const [canvas] = useState(() => L.canvas({ padding: 0.3, ...(pane ? { pane } : {}) }));
  return on ? canvas : undefined;
}
