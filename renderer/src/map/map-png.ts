/**
 * The current map view as a PNG: the canvases Leaflet drew (the basemap, the heat layer, canvas
 * markers) copied at their place on the screen over the sea colour, then the routes, single
 * seizures and clusters of the view drawn again from their data (SVG and badge markers are not
 * canvases), and a legend box: the case's TLP marking (TLP 2.0 colours on black, as on screen), the
 * sectors shown, how many seizures of how many, the review mark's key when any shown seizure is
 * flagged for review (the marks themselves are drawn with the items: flag-mark.ts), and the basemap credit. Device-pixel-ratio aware, so the file has the screen's sharpness.
 */
import L from 'leaflet';
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { formatCount } from '../format/numbers';
import { t } from '../../../shared/messages';
import type { MapItem, ViewBox } from './cluster-index';
import { viewBox } from './cluster-layer';
import { clusterDiameter } from './cluster-icon';
import { markerRadius } from './marker-style';
import { CLUSTER_FLAG_PX, FLAG_DASH, FLAG_INK, FLAG_WEIGHT, flagRingRadius } from './flag-mark';
import { isFlaggedForReview } from '../../../shared/domain/seizure';

const SEA = '#dce7ef';
const ROUTE = '#1d2b3f';

/** What the legend box of the PNG says. */
export interface PngLegend {
  /** Sectors drawn. */
  sectors: CrimeSector[];
  /** Seizures shown after the filters, and all mapped. */
  shown: number;
  total: number;
  /** Of `shown`, the seizures flagged for review: the legend then explains the marks. */
  flagged: number;
  /** The case's marking, drawn as the legend's first line; absent for the workspace map (cases of several markings). */
  tlp?: Tlp;
}

/** TLP 2.0 label colours (FIRST), the same RGB values as tokens.css; labels are set on black. */
const TLP_INK: Record<Tlp, string> = { CLEAR: '#ffffff', GREEN: '#33ff00', AMBER: '#ffc000', 'AMBER+STRICT': '#ffc000', RED: '#ff2b2b' };
const TLP_ROW = 28;

function drawMarking(ctx: CanvasRenderingContext2D, x: number, y: number, tlp: Tlp): void {
  const text = t('ui.common.tlp', { tlp });
  ctx.font = '700 13px system-ui, sans-serif';
  const w = ctx.measureText(text).width + 16;
  ctx.fillStyle = '#000000';
  ctx.beginPath();
  ctx.roundRect(x, y, w, 20, 3);
  ctx.fill();
  ctx.fillStyle = TLP_INK[tlp];
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 8, y + 10.5);
}

function drawCanvases(ctx: CanvasRenderingContext2D, container: HTMLElement): void {
  const origin = container.getBoundingClientRect();
  for (const c of container.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const opacity = Number(getComputedStyle(c).opacity || '1');
    ctx.globalAlpha = Number.isFinite(opacity) ? opacity : 1;
    ctx.drawImage(c, r.left - origin.left, r.top - origin.top, r.width, r.height);
  }
  ctx.globalAlpha = 1;
}

/** What a view draws (a ClusterIndex in the page, or the last answer of the data service's clusters). */
export interface ViewItems {
  query(box: ViewBox, zoom: number): MapItem[];
}

function drawItems(ctx: CanvasRenderingContext2D, map: L.Map, index: ViewItems): void {
  for (const it of index.query(viewBox(map), map.getZoom())) {
    const p = map.latLngToContainerPoint([it.lat, it.lon]);
    if (it.kind === 'point') {
      ctx.beginPath();
      ctx.arc(p.x, p.y, markerRadius(it.point.quantity, it.point.unit), 0, Math.PI * 2);
      ctx.fillStyle = SECTOR_COLORS[it.point.sector];
      ctx.globalAlpha = 0.85;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      if (isFlaggedForReview(it.point)) drawFlagRing(ctx, p.x, p.y, markerRadius(it.point.quantity, it.point.unit));
      continue;
    }
    const r = clusterDiameter(it.count) / 2;
    const total = it.count || 1;
    let at = -Math.PI / 2;
    it.sectorCounts.forEach((n, i) => {
      if (!n) return;
      const end = at + (n / total) * Math.PI * 2;
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.arc(p.x, p.y, r, at, end);
      ctx.closePath();
      ctx.fillStyle = SECTOR_COLORS[CRIME_SECTORS[i]!];
      ctx.fill();
      at = end;
    });
    discWithText(ctx, p.x, p.y, r - 5, '#ffffff', formatCount(it.count), '600 12px system-ui, sans-serif', '#1d2b3f');
    if (it.flagged) drawClusterFlag(ctx, p.x, p.y, r);
  }
}

/** A filled disc of radius `r` at (x, y) with `text` centred on it. */
function discWithText(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, fill: string, text: string, font: string, ink: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.fillStyle = ink;
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y + 0.5);
}

/** A flagged marker's dashed ring (flag-mark.ts) around a marker of radius `markerRadius` at (x, y). */
function drawFlagRing(ctx: CanvasRenderingContext2D, x: number, y: number, markerRadius: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, flagRingRadius(markerRadius), 0, Math.PI * 2);
  ctx.setLineDash([...FLAG_DASH]);
  ctx.lineWidth = FLAG_WEIGHT;
  ctx.strokeStyle = FLAG_INK;
  ctx.stroke();
  ctx.restore();
}

/** A cluster's "!" badge (flag-mark.ts) on the rim, top right, of a cluster of radius `r` at (x, y), ringed white as on screen. */
function drawClusterFlag(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  const cx = x + r * 0.72;
  const cy = y - r * 0.72;
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, CLUSTER_FLAG_PX / 2 + 1.5, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  discWithText(ctx, cx, cy, CLUSTER_FLAG_PX / 2, FLAG_INK, '!', '700 11px system-ui, sans-serif', '#ffffff');
  ctx.restore();
}

function drawRoutes(ctx: CanvasRenderingContext2D, map: L.Map): void {
  map.eachLayer((layer) => {
    if (!(layer instanceof L.Polyline) || layer instanceof L.Polygon) return;
    const parts = layer.getLatLngs() as L.LatLng[] | L.LatLng[][];
    const lines = (Array.isArray(parts[0]) ? parts : [parts]) as L.LatLng[][];
    ctx.strokeStyle = ROUTE;
    ctx.lineWidth = 3;
    ctx.setLineDash([8, 6]);
    for (const line of lines) {
      ctx.beginPath();
      line.forEach((ll, i) => {
        const p = map.latLngToContainerPoint(ll);
        if (i) ctx.lineTo(p.x, p.y);
        else ctx.moveTo(p.x, p.y);
      });
      ctx.stroke();
    }
    ctx.setLineDash([]);
  });
}

function drawLegend(ctx: CanvasRenderingContext2D, height: number, legend: PngLegend): void {
  const lines = legend.sectors.length;
  const top = legend.tlp ? TLP_ROW : 0;
  const flagRow = legend.flagged ? 20 : 0;
  const boxH = top + 46 + lines * 18 + flagRow + 18;
  const x = 12;
  const y0 = height - boxH - 12;
  ctx.fillStyle = 'rgba(255,255,255,0.93)';
  ctx.strokeStyle = '#c9ced6';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x, y0, 300, boxH, 6);
  ctx.fill();
  ctx.stroke();
  if (legend.tlp) drawMarking(ctx, x + 10, y0 + 8, legend.tlp);
  const y = y0 + top;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1d2b3f';
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.fillText(t('ui.map.shown-of', { shown: legend.shown, total: legend.total }), x + 12, y + 16);
  ctx.font = '500 11px system-ui, sans-serif';
  ctx.fillStyle = '#5b6778';
  ctx.fillText(t('ui.map.crime-sector'), x + 12, y + 36);
  legend.sectors.forEach((s, i) => {
    const ly = y + 54 + i * 18;
    ctx.beginPath();
    ctx.arc(x + 18, ly, 5, 0, Math.PI * 2);
    ctx.fillStyle = SECTOR_COLORS[s];
    ctx.fill();
    ctx.fillStyle = '#1d2b3f';
    ctx.font = '400 12px system-ui, sans-serif';
    ctx.fillText(CRIME_SECTOR_LABELS[s], x + 30, ly);
  });
  if (legend.flagged) {
    const fy = y + 54 + lines * 18 + 2;
    drawFlagRing(ctx, x + 18, fy, 4);
    ctx.fillStyle = '#1d2b3f';
    ctx.font = '400 12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(t('ui.map.flag.png-legend', { count: legend.flagged }), x + 30, fy);
  }
  ctx.fillStyle = '#5b6778';
  ctx.font = '400 10px system-ui, sans-serif';
  ctx.fillText(t('ui.map.png-credit'), x + 12, y0 + boxH - 12);
}

/** Renders the map's current view with `legend` into a PNG blob (CSS size × devicePixelRatio). */
export async function mapViewPng(map: L.Map, index: ViewItems, legend: PngLegend): Promise<Blob> {
  const container = map.getContainer();
  const { width, height } = container.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(dpr, dpr);
  ctx.fillStyle = getComputedStyle(container).backgroundColor || SEA;
  ctx.fillRect(0, 0, width, height);
  drawCanvases(ctx, container);
  drawRoutes(ctx, map);
  drawItems(ctx, map, index);
  drawLegend(ctx, height, legend);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
