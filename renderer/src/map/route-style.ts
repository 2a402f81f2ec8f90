/**
 * How each kind of route is drawn, so the map and its legend cannot disagree: a suspected
 * trafficking route is a dark dashed line (a supposition), a patrol track a solid green line (a
 * recording of where a patrol went). Colours are chosen apart from every sector colour.
 */
import type { RouteKind } from '../../../shared/domain/route';

/** Leaflet path options of a route line, and the legend swatch's CSS class. */
export interface RouteStyle {
  color: string;
  weight: number;
  opacity: number;
  /** SVG dash pattern; undefined for a solid line. */
  dashArray: string | undefined;
  /** The legend swatch's class (map.css). */
  swatchClass: string;
}

/** The style of each route kind (see the module comment). */
export const ROUTE_STYLES: Readonly<Record<RouteKind, RouteStyle>> = {
  trafficking: { color: '#1d2b3f', weight: 3, opacity: 0.9, dashArray: '8 6', swatchClass: 'legend-route legend-route-trafficking' },
  patrol: { color: '#1b7f5a', weight: 3, opacity: 0.9, dashArray: undefined, swatchClass: 'legend-route legend-route-patrol' },
};
