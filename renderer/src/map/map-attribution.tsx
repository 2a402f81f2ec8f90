/**
 * The map's attribution control (docs/map.md § Basemaps, breaker G-MAP-3): bottom right, the
 * sources of what the map draws — Natural Earth always, the chosen offline basemap's attribution
 * from its own metadata (or that the file names none), and the online layer's while it is on.
 *
 * Not Leaflet's own control: it writes attributions with `innerHTML`, and a basemap file's
 * metadata is untrusted. The data service already reduces it to plain text
 * (service/tiles/basemap-metadata.ts `attributionText`); this control sets only `textContent`,
 * so no markup in a file or template can become an element here.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import type { OnlineTiles } from '../../../shared/domain/online-tiles';
import { t } from '../../../shared/messages';

/** The attribution lines for what the map draws, in drawing order (bottom first). */
export function attributionLines(active: BasemapInfo | null, online: OnlineTiles | null): string[] {
  const lines = [t('ui.map.attribution.natural-earth')];
  if (active) lines.push(active.attribution ? t('ui.map.attribution.file', { name: active.name, source: active.attribution }) : t('ui.map.attribution.unstated', { name: active.name }));
  if (online) lines.push(t('ui.map.attribution.online', { source: online.attribution }));
  return lines;
}

/** Puts `lines` into `box` as text, one `<span>` each (never markup). */
export function fillAttribution(box: HTMLElement, lines: readonly string[]): void {
  box.replaceChildren(
    ...lines.map((line) => {
      const span = document.createElement('span');
      span.className = 'map-attribution-line';
      span.textContent = line;
      return span;
    }),
  );
}

/** The control on the map, showing {@link attributionLines} of the current basemaps. */
export function MapAttribution(props: { active: BasemapInfo | null; online: OnlineTiles | null }): ReactNode {
  const map = useMap();
  const box = useMemo(() => {
    const el = L.DomUtil.create('div', 'leaflet-control-attribution leaflet-control map-attribution');
    el.dataset.testid = 'map-attribution';
    return el;
  }, []);
  useEffect(() => {
    const Control = L.Control.extend({ onAdd: () => box });
    const control = new Control({ position: 'bottomright' }).addTo(map);
    return () => void control.remove();
  }, [map, box]);
  const lines = attributionLines(props.active, props.online);
  const key = lines.join('\n');
  useEffect(() => fillAttribution(box, key.split('\n')), [box, key]);
  return null;
}
