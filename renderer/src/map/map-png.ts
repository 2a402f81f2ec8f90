/**
 * The current map view as a PNG: the canvases Leaflet drew (the basemap, the heat layer, canvas
 * markers) copied at their place on the screen over the sea colour, then the routes, single
 * seizures and clusters of the view drawn again from their data (SVG and badge markers are not
 * canvases), and beside the map (never over it) a legend panel: the case's TLP marking (TLP 2.0 colours on black, as on screen), the
 * sectors shown, how many seizures of how many and which (the filter's lines, {@link pngFilterLines}), the review mark's key when any shown seizure is
 * flagged for review (the marks themselves are drawn with the items: flag-mark.ts), and the basemap credit. Device-pixel-ratio aware, so the file has the screen's sharpness.
 */
import L from 'leaflet';
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import { SECTOR_COLORS } from '../domain/sector-colors';
import { formatCount } from '../format/numbers';
import { t } from '../../../shared/messages';
import { currentLocale } from '../../../shared/messages/format';
import { countryLabel } from '../format/countries';
import { formatSeizureDate } from '../format/dates';
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
  /** Which seizures the count is of: the filter's lines ({@link pngFilterLines}). */
  filter: PngFilter;
}

/** The filter a PNG shows, as its caption names it (F7: a reader of the file must tell which seizures it shows). */
export interface PngFilter {
  /** ISO alpha-2, commodity, scientific name; '' when not chosen. */
  country: string;
  commodity: string;
  taxon: string;
  /** The chosen case's number (workspace map); '' when not chosen. */
  caseNumber: string;
  flaggedOnly: boolean;
  hiddenSectors: readonly CrimeSector[];
  /** First and last month of the time slider's range (`YYYY-MM-01`), or null when no seizure has a date. */
  months: readonly [string, string] | null;
}

/**
 * The caption's lines for `f` (catalogue sentences): each filter list chosen ("Country: Fiji"),
 * "Filters: none" when no list, sector or flag narrows the map, the seizure dates of the time
 * slider ("Seizure dates: Jan 2020 – Dec 2025", always, also when the slider spans every month),
 * "Only seizures flagged for review", and the sectors hidden through the legend.
 */
export function pngFilterLines(f: PngFilter): string[] {
  const lines: string[] = [];
  const chosen = (field: string, value: string): void => {
    if (value) lines.push(t('ui.map.png.filter', { field, value }));
  };
  chosen(t('ui.map.filter-case'), f.caseNumber);
  chosen(t('ui.map.filter-country'), f.country ? countryLabel(f.country) : '');
  chosen(t('ui.map.filter-commodity'), f.commodity);
  chosen(t('ui.map.filter-species'), f.taxon);
  if (!lines.length && !f.flaggedOnly && !f.hiddenSectors.length) lines.push(t('ui.map.png.no-filter'));
  if (f.months) {
    const [from, to] = f.months.map((m) => formatSeizureDate(m, 'month')) as [string, string];
    lines.push(from === to ? t('ui.map.png.dates-one', { month: from }) : t('ui.map.png.dates', { from, to }));
  }
  if (f.flaggedOnly) lines.push(t('ui.map.png.flagged-only'));
  if (f.hiddenSectors.length) {
    const names = CRIME_SECTORS.filter((s) => f.hiddenSectors.includes(s)).map((s) => CRIME_SECTOR_LABELS[s]);
    lines.push(t('ui.map.png.hidden', { count: names.length, sectors: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(names) }));
  }
  return lines;
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

/** Width of the legend panel beside the map in the PNG (CSS px). */
export const PNG_PANEL_PX = 300;
const PANEL_PAD = 14;
const LINE = 18;

/** `text` broken into lines no wider than `width` at the context's font (words kept whole). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/**
 * The legend as a panel beside the map (x from `left`), never over it: on the map, the box hid a
 * cluster (tester F7, session 27). Returns the panel's height, so the canvas can be made tall enough.
 * With `draw` false only measures.
 */
function drawLegend(ctx: CanvasRenderingContext2D, left: number, legend: PngLegend, draw: boolean): number {
  const x = left + PANEL_PAD;
  const w = PNG_PANEL_PX - 2 * PANEL_PAD;
  let y = PANEL_PAD;
  const text = (s: string, font: string, ink: string): void => {
    ctx.font = font;
    for (const l of wrap(ctx, s, w)) {
      if (draw) {
        ctx.fillStyle = ink;
        ctx.fillText(l, x, y + LINE / 2);
      }
      y += LINE;
    }
  };
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  if (legend.tlp) {
    if (draw) drawMarking(ctx, x, y, legend.tlp);
    y += TLP_ROW;
  }
  text(t('ui.map.shown-of', { shown: legend.shown, total: legend.total }), '600 13px system-ui, sans-serif', '#1d2b3f');
  for (const l of pngFilterLines(legend.filter)) text(l, '400 12px system-ui, sans-serif', '#1d2b3f');
  y += 6;
  text(t('ui.map.crime-sector'), '500 11px system-ui, sans-serif', '#5b6778');
  for (const s of legend.sectors) {
    if (draw) {
      ctx.beginPath();
      ctx.arc(x + 6, y + LINE / 2, 5, 0, Math.PI * 2);
      ctx.fillStyle = SECTOR_COLORS[s];
      ctx.fill();
      ctx.fillStyle = '#1d2b3f';
      ctx.font = '400 12px system-ui, sans-serif';
      ctx.fillText(CRIME_SECTOR_LABELS[s], x + 18, y + LINE / 2);
    }
    y += LINE;
  }
  if (legend.flagged) {
    if (draw) drawFlagRing(ctx, x + 6, y + LINE / 2, 4);
    ctx.font = '400 12px system-ui, sans-serif';
    for (const l of wrap(ctx, t('ui.map.flag.png-legend', { count: legend.flagged }), w - 18)) {
      if (draw) {
        ctx.fillStyle = '#1d2b3f';
        ctx.fillText(l, x + 18, y + LINE / 2);
      }
      y += LINE;
    }
  }
  y += 6;
  text(t('ui.map.png-credit'), '400 10px system-ui, sans-serif', '#5b6778');
  return y + PANEL_PAD;
}

/**
 * Renders the map's current view with `legend` into a PNG blob (CSS size × devicePixelRatio): the
 * map on the left at its size on screen, the legend panel ({@link PNG_PANEL_PX} wide) on its right;
 * the file is as tall as the taller of the two.
 */
export async function mapViewPng(map: L.Map, index: ViewItems, legend: PngLegend): Promise<Blob> {
  const container = map.getContainer();
  const { width, height } = container.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  const ctx0 = canvas.getContext('2d');
  if (!ctx0) throw new Error('no 2D canvas');
  const panelH = drawLegend(ctx0, width, legend, false);
  const fileH = Math.max(height, panelH);
  canvas.width = Math.round((width + PNG_PANEL_PX) * dpr);
  canvas.height = Math.round(fileH * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(dpr, dpr);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width + PNG_PANEL_PX, fileH);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.clip();
  ctx.fillStyle = getComputedStyle(container).backgroundColor || SEA;
  ctx.fillRect(0, 0, width, height);
  drawCanvases(ctx, container);
  drawRoutes(ctx, map);
  drawItems(ctx, map, index);
  ctx.restore();
  ctx.strokeStyle = '#c9ced6';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(width + 0.5, 0);
  ctx.lineTo(width + 0.5, fileH);
  ctx.stroke();
  drawLegend(ctx, width, legend, true);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
