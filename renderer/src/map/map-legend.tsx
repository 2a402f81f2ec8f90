/**
 * The map legend beside the map: how many seizures are drawn and how many have no location
 * (and so are not), the sectors present (colour), the quantity classes (size), routes by kind
 * (suspected trafficking routes dashed, patrol tracks solid, as route-style.ts draws them), and the
 * basemap's source, and what the review mark means (flag-mark.ts: a dashed ring on a seizure, a "!"
 * on a cluster) with how many flagged seizures are shown. With `onToggleSector` each sector is a toggle button that hides or shows its
 * seizures on the map (the legend doubles as a filter).
 */
import type { ReactNode } from 'react';
import { CRIME_SECTORS, CRIME_SECTOR_LABELS, type CrimeSector } from '../../../shared/domain/codes';
import { formatCount } from '../format/numbers';
import { CLASS_RADII, QUANTITY_CLASSES } from './marker-style';
import { ROUTE_STYLES } from './route-style';
import { t } from '../../../shared/messages';

/** Props of {@link MapLegend}. */
export interface MapLegendProps {
  sectors: CrimeSector[];
  /** Seizures drawn; null while not counted yet (shown as such, never as 0). */
  mapped: number | null;
  /** Seizures without a location; null while not counted yet. */
  unmapped: number | null;
  routes: number;
  /** Of `routes`, how many have no times and are shown whatever the time range (said only while the slider narrows); 0 when absent. */
  untimedRoutes?: number;
  /** Of `routes`, how many are patrol tracks (the rest are suspected trafficking routes); 0 when absent. */
  patrolRoutes?: number;
  /** Sectors hidden by the legend filter (drawn struck through). */
  hiddenSectors?: ReadonlySet<CrimeSector>;
  /** Makes each sector a toggle. */
  onToggleSector?: (s: CrimeSector) => void;
  /** Seizures flagged for review among those drawn; null while not counted. The key to the mark is always shown. */
  flagged?: number | null;
  /** The host of the workspace's online tile server while that layer is on: the note then says map views leave the computer. */
  onlineTilesHost?: string;
}

/** A count, or a placeholder that says it is not known yet. */
function Count(props: { value: number | null }): ReactNode {
  if (props.value !== null) return formatCount(props.value);
  return (
    <span className="map-legend-counting" aria-label={t('ui.map.count-unknown')} title={t('ui.map.count-unknown')}>
      …
    </span>
  );
}

/** The legend panel. */
export function MapLegend(props: MapLegendProps): ReactNode {
  const sectors = CRIME_SECTORS.filter((s) => props.sectors.includes(s));
  const patrol = Math.min(props.patrolRoutes ?? 0, props.routes);
  const trafficking = props.routes - patrol;
  return (
    <aside className="map-legend" aria-label={t('ui.map.legend-label')}>
      <div className="map-legend-counts" data-testid="map-counts">
        <div>
          <span className="map-legend-count" data-testid="mapped-count">
            <Count value={props.mapped} />
          </span>
          <span className="map-legend-count-label">{t('ui.map.on-map')}</span>
        </div>
        <div className={props.unmapped ? 'map-legend-unmapped' : undefined}>
          <span className="map-legend-count" data-testid="unmapped-count">
            <Count value={props.unmapped} />
          </span>
          <span className="map-legend-count-label">{t('ui.map.without-location')}</span>
        </div>
      </div>
      {sectors.length ? (
        <>
          <p className="map-legend-title">{t('ui.map.crime-sector')}</p>
          <ul className="map-legend-list">
            {sectors.map((s) => {
              const swatch = (
                <span className="legend-size-box" aria-hidden="true">
                  <span className={`legend-swatch sector-dot sector-${s}`} />
                </span>
              );
              const toggle = props.onToggleSector;
              if (!toggle) {
                return (
                  <li key={s}>
                    {swatch}
                    {CRIME_SECTOR_LABELS[s]}
                  </li>
                );
              }
              const shown = !props.hiddenSectors?.has(s);
              return (
                <li key={s}>
                  <button type="button" className="map-legend-toggle" aria-pressed={shown} title={t('ui.map.sector-toggle', { sector: CRIME_SECTOR_LABELS[s] })} onClick={() => toggle(s)}>
                    {swatch}
                    {CRIME_SECTOR_LABELS[s]}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <p className="map-legend-title" title={t('ui.map.quantity-tip')}>
        {t('ui.map.quantity-title')}
      </p>
      <ul className="map-legend-list map-legend-sizes">
        {QUANTITY_CLASSES.map((c, i) => (
          <li key={c}>
            <span className="legend-size-box" aria-hidden="true">
              <span className="legend-size" style={{ width: CLASS_RADII[i]! * 2, height: CLASS_RADII[i]! * 2 }} />
            </span>
            {t(c)}
          </li>
        ))}
      </ul>
      {props.routes ? (
        <>
          <p className="map-legend-title">{t('ui.map.routes')}</p>
          {trafficking ? (
            <p className="map-legend-route">
              <span className={ROUTE_STYLES.trafficking.swatchClass} aria-hidden="true" /> {t('ui.map.suspected-routes', { count: trafficking })}
            </p>
          ) : null}
          {patrol ? (
            <p className="map-legend-route">
              <span className={ROUTE_STYLES.patrol.swatchClass} aria-hidden="true" /> {t('ui.map.patrol-tracks', { count: patrol })}
            </p>
          ) : null}
          {props.untimedRoutes ? <p className="map-legend-route muted route-untimed-note">{t('ui.map.routes-untimed', { count: props.untimedRoutes })}</p> : null}
        </>
      ) : null}
      <p className="map-legend-title" title={t('ui.map.flag.legend-tip')}>
        {t('ui.map.flag.legend-title')}
      </p>
      <ul className="map-legend-list map-legend-flags" data-testid="map-legend-flags">
        <li title={t('ui.map.flag.legend-tip')}>
          <span className="legend-size-box" aria-hidden="true">
            <span className="legend-flag-ring" />
          </span>
          {t('ui.map.flag.legend-ring')}
        </li>
        <li>
          <span className="legend-size-box" aria-hidden="true">
            <span className="legend-flag-cluster">!</span>
          </span>
          {t('ui.map.flag.legend-cluster')}
        </li>
      </ul>
      {props.flagged !== undefined ? (
        <p className="map-legend-flag-count" data-testid="map-flagged-count">
          {props.flagged === null ? <Count value={null} /> : t('ui.map.flag.legend-count', { count: props.flagged })}
        </p>
      ) : null}
      <p className="map-legend-source">{props.onlineTilesHost ? t('ui.map.basemap-source-online', { host: props.onlineTilesHost }) : t('ui.map.basemap-source')}</p>
    </aside>
  );
}
