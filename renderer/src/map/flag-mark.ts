/**
 * How the map marks seizures flagged for review (issue 11; shared/domain/seizure.ts
 * `isFlaggedForReview`): an unchecked doubt must be visible on the picture, not only in the table.
 * A flagged seizure gets a dashed ring in the review ink around its sector-coloured marker (a
 * shape, so it reads without colour and over any sector colour); a cluster with flagged seizures
 * gets a "!" badge on its rim, and its tooltip counts them. The rings have a pane of their own
 * ({@link FLAG_PANE}) above the heat layer's canvas, so heat mode keeps them in sight; the badges
 * are in Leaflet's marker pane, above both. The same marks are drawn on the PNG
 * export's canvas (map-png.ts `drawFlagRing`, `drawClusterFlag`, from these constants), so the file keeps them. Texts come from the message catalogue.
 */
import { reviewFlagsSummary } from '../../../shared/domain/review-flag-text';
import type L from 'leaflet';
import { isFlaggedForReview } from '../../../shared/domain/seizure';
import type { MapPoint } from '../../../shared/rpc/cases';
import { mapPlaceName } from '../../../shared/domain/map-filter';
import { t } from '../../../shared/messages';

/** The review ink (the table's badge and the detail's card use the same brown, case.css). */
export const FLAG_INK = '#8a4b00';
/** The ring's gap from the marker's edge, in px. */
const RING_GAP = 3.5;
/** The ring's dash pattern (px on, px off), as SVG `stroke-dasharray` and canvas `setLineDash`. */
export const FLAG_DASH = [4, 3] as const;
/** The ring's line width in px. */
export const FLAG_WEIGHT = 2;

/** Radius in px of the ring around a flagged marker of radius `markerRadius`. */
export function flagRingRadius(markerRadius: number): number {
  return markerRadius + RING_GAP;
}

/** The hover text of a single seizure: commodity and place, and for a flagged one why it is flagged. */
export function markerTip(p: MapPoint): string {
  const base = t('ui.map.marker-tip', { commodity: p.commodity, place: mapPlaceName(p) });
  return isFlaggedForReview(p) ? `${base}\n${t('ui.review.badge')}: ${reviewFlagsSummary(p.reviewFlags)}` : base;
}

/** The hover text and accessible name of a cluster of `count` seizures, `flagged` of them flagged for review. */
export function clusterTip(count: number, flagged: number): string {
  return flagged ? t('ui.map.flag.cluster-tip', { count, flagged }) : t('ui.map.cluster-tip', { count });
}

/** Diameter in px of a cluster's "!" badge (CSS `.map-cluster-flag`, and the PNG export's). */
export const CLUSTER_FLAG_PX = 16;

/**
 * The map pane of the review rings. leaflet.heat draws its canvas into Leaflet's overlay pane
 * (z-index 400), after the markers' SVG or canvas, so a ring drawn there lay under the heat's
 * colours; this pane stacks above it and below the marker pane (600: cluster badges and their
 * "!"), the tooltips (650) and the popups (700). It takes no pointer events (the markers beneath keep their clicks).
 */
export const FLAG_PANE = 'review-rings';
/** The z-index of {@link FLAG_PANE}. */
export const FLAG_PANE_Z = 450;

/** The review rings' pane of `map`, made on first use and kept for the map's life. */
export function flagPane(map: L.Map): HTMLElement {
  const found = map.getPane(FLAG_PANE);
  if (found) return found;
  const pane = map.createPane(FLAG_PANE);
  pane.style.zIndex = String(FLAG_PANE_Z);
  pane.style.pointerEvents = 'none';
  return pane;
}
