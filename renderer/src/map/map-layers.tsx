/**
 * The seizure map's layers as react-leaflet components: the offline Natural Earth basemap (a
 * GeoJSON layer on a canvas in its own pane; the sea is the container's background), seizures as
 * circle markers coloured by sector and sized by quantity class with a tooltip and a popup, and
 * routes as polylines labelled with their name — dashed for a suspected trafficking route, solid for a
 * patrol track (route-style.ts) — drawn whole across the antimeridian, with the basemap's world
 * copies east and west of it when the view reaches there.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import { CircleMarker, GeoJSON, Pane, Polyline, Popup, Tooltip, useMap, useMapEvent } from 'react-leaflet';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import { routeKindOf, type Route } from '../../../shared/domain/route';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { mapPlaceName, routePeriod } from '../../../shared/domain/map-filter';
import { formatDateTime } from '../format/dates';
import { loadBasemap, type Basemap } from './basemap';
import { markerRadius } from './marker-style';
import { popupContent } from './popup-content';
import { ROUTE_STYLES } from './route-style';
import { lineNear, type Position } from '../../../shared/geo/antimeridian';
import { t } from '../../../shared/messages';

const LAND = '#f7f5f0';
const BORDER = '#b9b4a9';

/** Above this many points markers are drawn on one canvas instead of one SVG path each (stays smooth with 10,000+). */
export const CANVAS_MARKERS_FROM = 2000;

/** The longitude bounds of the part of the world a view shows, with half a view's margin each side (the canvas's padding). */
function viewLons(map: L.Map): { west: number; east: number; centre: number } {
  const b = map.getBounds();
  const margin = (b.getEast() - b.getWest()) / 2;
  return { west: b.getWest() - margin, east: b.getEast() + margin, centre: map.getCenter().lng };
}

/**
 * The world copies of the basemap a view needs, in degrees of shift: 0 always, −360 and 360 when
 * the view (with its margin) reaches past −180° or 180° (the map pans a turn past the antimeridian,
 * seizure-map.tsx MAX_BOUNDS; a fit across it is centred e.g. on 180°, where Fiji west of 180° and
 * Samoa east of it are both in view).
 */
export function basemapCopies(west: number, east: number): number[] {
  const out: number[] = [];
  if (west < -180) out.push(-360);
  out.push(0);
  if (east > 180) out.push(360);
  return out;
}

/** Leaflet's GeoJSON position reader for the world copy `shift` degrees east. */
function shiftedLatLng(shift: number): (c: [number, number] | [number, number, number]) => L.LatLng {
  return (c) => L.latLng(c[1], c[0] + shift);
}

/**
 * The basemap in pane `basemap` (below the overlays), with its world copies east and west of
 * ±180° while the view reaches there ({@link basemapCopies}; only then, so a view away from the
 * antimeridian projects the outlines once). Sets `data-basemap="ready"` on the map container once
 * drawn, and `data-basemap-copies` to the copies drawn (e.g. "0 360"); `onError` hears why it
 * could not be (the markers still show).
 */
export function BasemapLayer(props: { onError: (message: string) => void }): ReactNode {
  const map = useMap();
  const [fc, setFc] = useState<Basemap | null>(null);
  const [copies, setCopies] = useState(() => {
    const v = viewLons(map);
    return basemapCopies(v.west, v.east).join(' ');
  });
  useMapEvent('moveend', () => {
    const v = viewLons(map);
    setCopies(basemapCopies(v.west, v.east).join(' '));
  });
  const { onError } = props;
  useEffect(() => {
    let live = true;
    loadBasemap().then(
      (data) => live && setFc(data),
      (err: unknown) => live && onError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [onError]);
  useEffect(() => {
    if (!fc) return;
    const el = map.getContainer();
    el.dataset.basemap = 'ready';
    el.dataset.basemapCopies = copies;
  }, [fc, map, copies]);
  // One canvas for every country outline: thousands of SVG paths would slow panning.
  const renderer = useMemo(() => L.canvas({ pane: 'basemap', padding: 0.5 }), []);
  const style = { fillColor: LAND, fillOpacity: 1, color: BORDER, weight: 0.7, opacity: 1 };
  return (
    <Pane name="basemap" style={{ zIndex: 250 }}>
      {fc
        ? copies.split(' ').map((c) => {
            const shift = Number(c);
            return <GeoJSON key={c} data={fc} interactive={false} style={style} {...(shift ? { coordsToLatLng: shiftedLatLng(shift) } : {})} {...{ renderer }} />;
          })
        : null}
    </Pane>
  );
}

/** Puts a DOM node built by `build` (text-only, see popup-content.ts) into a React tree. */
function DomContent(props: { build: () => HTMLElement }): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const { build } = props;
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    el.replaceChildren(build());
  }, [build]);
  return <div ref={host} />;
}

/** What the markers' popups read when they open (the latest, not what was current at render). */
export interface PopupSource {
  details?: Map<string, Seizure>;
  onOpenSeizure?: (id: string, caseId: string) => void;
  /** "Move on map" in the popup (case map, a member who may edit the case). */
  onMoveSeizure?: (id: string) => void;
  extraFor?: (p: MapPoint) => string | undefined;
}

/** The popup of one marker; built when it opens, from the latest details and callbacks. Also used by cluster-layer.tsx. */
export function MarkerPopup(props: { point: MapPoint; source: { current: PopupSource } }): ReactNode {
  const map = useMap();
  const { point, source } = props;
  const build = useMemo(
    () => () => {
      const { details, onOpenSeizure, onMoveSeizure, extraFor } = source.current;
      const closing = (run: ((id: string, caseId: string) => void) | undefined) =>
        run
          ? (id: string): void => {
              map.closePopup();
              run(id, point.caseId);
            }
          : undefined;
      return popupContent(point, details?.get(point.id) ?? null, closing(onOpenSeizure) ?? null, extraFor?.(point), closing(onMoveSeizure));
    },
    [map, point, source],
  );
  return <DomContent build={build} />;
}

/** Marker events: the hover tooltip would sit over the popup it summarises, so it closes while the popup is open. */
export const MARKER_EVENTS: L.LeafletEventHandlerFnMap = {
  popupopen: (e) => (e.target as L.CircleMarker).closeTooltip(),
  tooltipopen: (e) => {
    const m = e.target as L.CircleMarker;
    if (m.isPopupOpen()) m.closeTooltip();
  },
};

/**
 * Seizure markers. Memoised on the points' content (`pointsKey`): a refresh after someone else's
 * edit brings a new but equal array, and must neither rebuild 10,000 markers nor close the popup
 * being read.
 */
export const SeizureMarkers = memo(function SeizureMarkers(props: { pointsKey: string; source: { current: PopupSource } }): ReactNode {
  const points = useMemo(() => JSON.parse(props.pointsKey) as MapPoint[], [props.pointsKey]);
  const canvas = useMemo(() => (points.length >= CANVAS_MARKERS_FROM ? L.canvas({ padding: 0.3 }) : undefined), [points.length]);
  return points.map((p) => (
    <CircleMarker
      key={p.id}
      center={[p.latitude, p.longitude]}
      radius={markerRadius(p.quantity, p.unit)}
      pathOptions={{ color: '#ffffff', weight: 1.5, fillColor: SECTOR_COLORS[p.sector], fillOpacity: 0.85 }}
      className={`seizure-marker seizure-marker-${p.sector}`}
      eventHandlers={MARKER_EVENTS}
      {...(canvas ? { renderer: canvas } : {})}
    >
      <Tooltip direction="top" offset={[0, -6]}>
        {t('ui.map.marker-tip', { commodity: p.commodity, place: mapPlaceName(p) })}
      </Tooltip>
      <Popup maxWidth={320} minWidth={240}>
        <MarkerPopup point={p} source={props.source} />
      </Popup>
    </CircleMarker>
  ));
});

/** Route positions for Leaflet: one continuous line, on the world copy nearest the view's centre (antimeridian.ts `lineNear`). */
export function routeLatLngs(points: Route['points'], centre: number): [number, number][] {
  return lineNear(points.map(([lat, lon]): Position => [lon, lat]), centre).map(([lon, lat]) => [lat, lon]);
}

/** A route's popup: its name, kind, period (first to last timed point, in the user's locale) and number of points. */
export function RoutePopup(props: { route: Route }): ReactNode {
  const r = props.route;
  const period = routePeriod(r);
  return (
    <div className="route-popup">
      <strong>{r.name}</strong>
      <div>{t('ui.map.route-kind', { kind: routeKindOf(r) })}</div>
      <div className="route-period">{period ? t('ui.map.route-period', { start: formatDateTime(period.start), end: formatDateTime(period.end) }) : t('ui.map.route-untimed')}</div>
      <div className="muted">{t('ui.map.route-points', { count: r.points.length })}</div>
    </div>
  );
}

/** One route as a polyline in its kind's style with a permanent label and its popup; redrawn only when the view moves it a turn. */
function RouteLine(props: { route: Route; centre: number }): ReactNode {
  const { route: r, centre } = props;
  const placed = routeLatLngs(r.points, centre);
  // The same array until a pan moves the line a turn (its first longitude tells), so Leaflet does not redraw it on every move.
  const positions = useMemo(() => placed, [r.points, placed[0]?.[1]]);
  const kind = routeKindOf(r);
  const { color, weight, opacity, dashArray } = ROUTE_STYLES[kind];
  return (
    <Polyline positions={positions} pathOptions={{ color, weight, opacity, dashArray }} className={`route-line route-${kind}`}>
      <Tooltip permanent direction="top" offset={[0, -10]} className="route-label">
        {r.name}
      </Tooltip>
      <Popup maxWidth={320} minWidth={200}>
        <RoutePopup route={r} />
      </Popup>
    </Polyline>
  );
}

/**
 * Routes as polylines in their kind's style (route-style.ts) with a permanent label and a popup,
 * each drawn whole across the antimeridian on the world copy nearest the view's centre (followed
 * on pan, as the markers are).
 */
export function RouteLines(props: { routes: Route[] }): ReactNode {
  const map = useMap();
  const [centre, setCentre] = useState(() => map.getCenter().lng);
  useMapEvent('moveend', () => setCentre(map.getCenter().lng));
  return props.routes.map((r) => <RouteLine key={r.id} route={r} centre={centre} />);
}
