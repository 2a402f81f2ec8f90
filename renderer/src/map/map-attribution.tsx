/**
 * The map's attribution control (docs/map.md § Basemaps, breaker G-MAP-3): bottom right, the
 * sources of what the map draws — Natural Earth always, the chosen offline basemap's attribution
 * from its own metadata (or that the file names none), and the online layer's while it is on.
 *
 * Not Leaflet's own control: it writes attributions with `innerHTML`, and a basemap file's
 * metadata is untrusted. The data service already reduces it to plain text
 * (service/tiles/basemap-metadata.ts `attributionText`); this box renders it as React text, so no
 * markup in a file or template can become an element here. It sits beside the Leaflet container
 * (in the map's wrapper), not among Leaflet's controls: a control there made the chooser panel's
 * form unclickable in Playwright (its button "outside of the viewport").
 */
import type { ReactNode } from 'react';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import type { OnlineTiles } from '../../../shared/domain/online-tiles';
import { t } from '../../../shared/messages';
import './map-attribution.css';

/** The attribution lines for what the map draws, in drawing order (bottom first). */
export function attributionLines(active: BasemapInfo | null, online: OnlineTiles | null): string[] {
  const lines = [t('ui.map.attribution.natural-earth')];
  if (active) lines.push(active.attribution ? t('ui.map.attribution.file', { name: active.name, source: active.attribution }) : t('ui.map.attribution.unstated', { name: active.name }));
  if (online) lines.push(t('ui.map.attribution.online', { source: online.attribution }));
  return lines;
}

/** The credits box over the map's bottom-right corner, showing {@link attributionLines} as React text. */
export function MapAttribution(props: { active: BasemapInfo | null; online: OnlineTiles | null }): ReactNode {
  return (
    <p className="leaflet-control-attribution map-attribution" data-testid="map-attribution">
      {attributionLines(props.active, props.online).map((line) => (
        <span className="map-attribution-line" key={line}>
          {line}
        </span>
      ))}
    </p>
  );
}
