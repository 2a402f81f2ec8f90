/**
 * A seizure map with its filters: the filter bar (counts, selects, time slider, heat, PNG) above
 * the map, and the legend beside it whose sectors hide or show their seizures when clicked. Owns
 * the filter state; the map clusters only the seizures that pass. Used by the case map tab and
 * the workspace map.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CrimeSector } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import { routeKindOf, type Route } from '../../../shared/domain/route';
import { useToast } from '../ui/toast';
import { savePng } from '../link-chart/save-png';
import { facet, filterPoints, NO_FILTER, sliderRange, timeSteps, type MapFilter } from './map-filters';
import { MapFilterBar, type FilterFacets } from './map-filter-bar';
import { MapLegend } from './map-legend';
import { ContentKeys } from './points-key';
import { SeizureMap, type MapHandle } from './seizure-map';
import { useLiveQuery } from '../data/use-live-query';
import { onlineTileHost } from '../../../shared/domain/online-tiles';
import { t } from '../../../shared/messages';
import './map-explorer.css';

/** Props of {@link MapExplorer}. */
export interface MapExplorerProps {
  points: MapPoint[];
  /** Seizures without coordinates (counted in the legend). */
  unmapped: number;
  label: string;
  details?: Map<string, Seizure>;
  routes?: Route[];
  onOpenSeizure?: (id: string) => void;
  extraFor?: (p: MapPoint) => string | undefined;
  /** Case numbers by id: shows the case filter (workspace map). */
  caseNumbers?: Map<string, string>;
  /** File name of the PNG export, without extension. */
  pngName: string;
  /** Taller map (a page of its own). */
  tall?: boolean;
  /** Shown over the map when there are no points at all. */
  empty?: ReactNode;
  /** "Move on map" in a marker's popup (see SeizureMap). */
  onMoveSeizure?: (id: string) => void;
  /** Drawn inside the map container (see SeizureMap). */
  inMap?: ReactNode;
  /** The workspace, for its online tile layer (see SeizureMap). */
  workspace?: { id: string; canSetOnlineTiles: boolean };
}

/** The map with filters and legend. */
export function MapExplorer(props: MapExplorerProps): ReactNode {
  const { points, details, caseNumbers } = props;
  const toast = useToast();
  const [filter, setFilter] = useState<MapFilter>(NO_FILTER);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [heat, setHeat] = useState(false);
  const handle = useRef<MapHandle | null>(null);
  const onlineTiles = useLiveQuery('basemaps.onlineTiles', props.workspace ? { workspaceId: props.workspace.id } : null, { refetchOn: ['workspaces.changed'] }).data ?? null;
  const onReady = useCallback((h: MapHandle) => (handle.current = h), []);

  // The case map's replica knows taxa edited since the last projection.
  const taxonOf = useCallback((p: MapPoint) => details?.get(p.id)?.taxon ?? p.taxon, [details]);
  const steps = useMemo(() => timeSteps(points), [points]);
  const fullRange: [number, number] = [0, Math.max(0, steps.months.length - 1)];
  const r = range && range[1] < steps.months.length ? range : fullRange;
  const dates = sliderRange(steps, r[0], r[1]);
  const effective: MapFilter = { ...filter, from: dates.from, to: dates.to };
  const shown = useMemo(
    () => filterPoints(points, effective, taxonOf),
    // `effective` is rebuilt each render; its parts are the dependencies.
    [points, filter, dates.from, dates.to, taxonOf],
  );
  const facets = useMemo((): FilterFacets => {
    const f: FilterFacets = { commodity: facet(points, (p) => p.commodity), taxon: facet(points, taxonOf), country: facet(points, (p) => p.country) };
    if (caseNumbers) f.caseId = facet(points, (p) => p.caseId);
    return f;
  }, [points, taxonOf, caseNumbers]);
  const allSectors = useMemo(() => [...new Set(points.map((p) => p.sector))], [points]);
  const [keys] = useState(() => new ContentKeys());
  const fitKey = useMemo(() => keys.key(points), [keys, points]);
  const toggleSector = useCallback(
    (s: CrimeSector) =>
      setFilter((f) => {
        const hidden = new Set(f.hiddenSectors);
        if (hidden.has(s)) hidden.delete(s);
        else hidden.add(s);
        return { ...f, hiddenSectors: hidden };
      }),
    [],
  );
  const narrowed = shown.length !== points.length || filter !== NO_FILTER;

  const exportPng = async (): Promise<void> => {
    const h = handle.current;
    if (!h) return;
    try {
      const sectors = [...new Set(shown.map((p) => p.sector))];
      const png = await h.exportPng({ sectors, shown: shown.length, total: points.length });
      if (await savePng(`${props.pngName}.png`, png)) toast(t('ui.map.png-saved'));
    } catch {
      toast(t('ui.map.png-failed'), 'error');
    }
  };

  return (
    <div className={props.tall ? 'map-layout map-explorer map-layout-tall' : 'map-layout map-explorer'}>
      <div className="map-main">
        <MapFilterBar
          filter={filter}
          onFilter={setFilter}
          facets={facets}
          {...(caseNumbers ? { caseLabel: (id: string) => caseNumbers.get(id) ?? id } : {})}
          steps={steps}
          range={r}
          onRange={setRange}
          shown={shown.length}
          total={points.length}
          heat={heat}
          onHeat={setHeat}
          onExport={() => void exportPng()}
          narrowed={narrowed}
          onClear={() => {
            setFilter(NO_FILTER);
            setRange(null);
          }}
        />
        <div className="map-canvas-wrap">
          <SeizureMap
            label={props.label}
            points={shown}
            fitKey={fitKey}
            heat={heat}
            onReady={onReady}
            {...(details ? { details } : {})}
            {...(props.routes ? { routes: props.routes } : {})}
            {...(props.onOpenSeizure ? { onOpenSeizure: props.onOpenSeizure } : {})}
            {...(props.extraFor ? { extraFor: props.extraFor } : {})}
            {...(props.onMoveSeizure ? { onMoveSeizure: props.onMoveSeizure } : {})}
            {...(props.workspace ? { online: { workspaceId: props.workspace.id, tiles: onlineTiles, canSet: props.workspace.canSetOnlineTiles } } : {})}
          >
            {props.inMap}
          </SeizureMap>
          {props.empty}
          {points.length && !shown.length ? (
            <div className="map-empty" role="status">
              {t('ui.map.none-match')}
            </div>
          ) : null}
        </div>
      </div>
      <MapLegend
        sectors={allSectors}
        mapped={shown.length}
        unmapped={props.unmapped}
        routes={props.routes?.length ?? 0}
        patrolRoutes={(props.routes ?? []).filter((r) => routeKindOf(r) === 'patrol').length}
        hiddenSectors={filter.hiddenSectors}
        onToggleSector={toggleSector}
        {...(onlineTiles ? { onlineTilesHost: onlineTileHost(onlineTiles.urlTemplate) } : {})}
      />
    </div>
  );
}
