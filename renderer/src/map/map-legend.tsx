/**
 * The map legend: the sectors present (colour), the quantity classes (size), routes, how many
 * seizures have no location and are not drawn, and the basemap's source.
 */
import type { ReactNode } from 'react';
import { CRIME_SECTORS, type CrimeSector } from '../../../shared/domain/codes';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { formatCount } from '../format/numbers';
import { CLASS_RADII, QUANTITY_CLASSES } from './marker-style';

/** Props of {@link MapLegend}. */
export interface MapLegendProps {
  sectors: CrimeSector[];
  mapped: number;
  unmapped: number;
  routes: number;
}

/** The legend overlay. */
export function MapLegend(props: MapLegendProps): ReactNode {
  const sectors = CRIME_SECTORS.filter((s) => props.sectors.includes(s));
  return (
    <aside className="map-legend" aria-label="Map legend">
      <p className="map-legend-title">Legend</p>
      <ul className="map-legend-list">
        {sectors.map((s) => (
          <li key={s}>
            <span className={`legend-swatch sector-dot sector-${s}`} aria-hidden="true" />
            {CRIME_SECTOR_LABELS[s]}
          </li>
        ))}
      </ul>
      <p className="map-legend-sub">Quantity</p>
      <ul className="map-legend-sizes">
        {QUANTITY_CLASSES.map((c, i) => (
          <li key={c}>
            <span className="legend-size" style={{ width: CLASS_RADII[i]! * 2, height: CLASS_RADII[i]! * 2 }} aria-hidden="true" />
            {c}
          </li>
        ))}
      </ul>
      {props.routes ? (
        <p className="map-legend-route">
          <span className="legend-route" aria-hidden="true" /> Route ({formatCount(props.routes)})
        </p>
      ) : null}
      <p className="map-legend-counts" data-testid="map-counts">
        <strong>{formatCount(props.mapped)}</strong> on the map
        {props.unmapped ? (
          <>
            {' · '}
            <strong data-testid="unmapped-count">{formatCount(props.unmapped)}</strong> without location
          </>
        ) : null}
      </p>
      <p className="map-legend-source">Basemap: Natural Earth 1:50m (public domain), drawn offline.</p>
    </aside>
  );
}
