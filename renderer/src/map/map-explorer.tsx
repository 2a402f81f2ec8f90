/**
 * A seizure map with its filters: the filter bar (counts, selects, time slider, heat, PNG) above
 * the map, and the legend beside it whose sectors hide or show their seizures when clicked. Owns
 * the filter state; the map clusters only the seizures that pass. Used by the case map tab and
 * the workspace map. With `remote` (a large set, remote-clusters.tsx) the data service filters
 * and clusters, and counts, filter lists and months come from `map.overview` and `map.facets`.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CrimeSector, Tlp } from '../../../shared/domain/codes';
import type { MapPoint } from '../../../shared/rpc/cases';
import { isFlaggedForReview, type Seizure } from '../../../shared/domain/seizure';
import { routeKindOf, type Route } from '../../../shared/domain/route';
import { useToast } from '../ui/toast';
import { savePng } from '../link-chart/save-png';
import { facet, filterPoints, filterRoutes, NO_FILTER, sliderRange, timeSteps, type FacetOption, type MapFilter } from './map-filters';
import { MapFilterBar, type FacetList, type FilterFacets } from './map-filter-bar';
import { FACET_LIST_LIMIT, narrowFacet, routePeriod } from '../../../shared/domain/map-filter';
import type { MapFilterInput } from '../../../shared/rpc/map';
import { ErrorPanel } from '../ui/states';
import { MapLegend } from './map-legend';
import { ContentKeys } from './points-key';
import { SeizureMap, type MapHandle } from './seizure-map';
import type { PngFilter } from './map-png';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { onlineTileHost } from '../../../shared/domain/online-tiles';
import { t } from '../../../shared/messages';
import './map-explorer.css';

/** The first and last of a contiguous list of months (none when empty): enough for `timeSteps` to span it. */
function monthEnds(months: readonly string[]): string[] {
  return months.length ? [months[0]!, months[months.length - 1]!] : [];
}

/** Props of {@link MapExplorer}. */
export interface MapExplorerProps {
  points: MapPoint[];
  /** True while `points` are being fetched: counts show as being counted, not as 0. */
  loading?: boolean;
  /** Seizures without coordinates (counted in the legend); null while not known. */
  unmapped: number | null;
  label: string;
  details?: Map<string, Seizure>;
  routes?: Route[];
  onOpenSeizure?: (id: string, caseId: string) => void;
  extraFor?: (p: MapPoint) => string | undefined;
  /** Case numbers by id: shows the case filter (workspace map). */
  caseNumbers?: Map<string, string>;
  /** File name of the PNG export, with its extension (a case's carries its TLP marking, see markedFileName). */
  pngName: string;
  /** The case's TLP marking, drawn in the PNG's legend; absent on the workspace map. */
  tlp?: Tlp;
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
  /**
   * Cluster on the data service (remote-clusters.tsx) the mapped seizures of this case (or of the
   * workspace): counts, filter lists, months and clusters come from the projection; `points` is empty.
   */
  remote?: { workspaceId: string; caseId?: string };
}

type ListKey = 'commodity' | 'taxon' | 'country' | 'caseId';
/** The wire form of NO_FILTER. */
const ANY: MapFilterInput = { from: '', to: '', hiddenSectors: [], commodity: '', country: '', caseId: '', taxon: '', flaggedOnly: false };
/** Quiet time after the last filter change before a remote map asks the service, in ms. */
export const FILTER_SETTLE_MS = 150;
const NO_SEARCH: Record<ListKey, string> = { commodity: '', taxon: '', country: '', caseId: '' };

/** The choices of a filter's lists (country, case, commodity, species) as a key: a change refits the view. */
function listChoices(f: { country?: string; caseId?: string; commodity?: string; taxon?: string }): string {
  return JSON.stringify([f.country ?? '', f.caseId ?? '', f.commodity ?? '', f.taxon ?? '']);
}

/** A filter list of the data service (`map.facets`) for a remote map; null params ask nothing (a map in the page). */
function useRemoteFacet(remote: MapExplorerProps['remote'], field: ListKey, search: string, on: boolean): { options: FacetOption[]; distinct: number } {
  const params = remote && on ? { workspaceId: remote.workspaceId, ...(remote.caseId ? { caseId: remote.caseId } : {}), field, search, limit: FACET_LIST_LIMIT } : null;
  const q = useLiveQuery('map.facets', params, { refetchOn: remote ? [projectionChanged(remote.workspaceId, remote.caseId)] : [], keepPrevious: true });
  return q.data ?? { options: [], distinct: 0 };
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

  const remote = props.remote;
  // The case map's replica knows taxa edited since the last projection.
  const taxonOf = useCallback((p: MapPoint) => details?.get(p.id)?.taxon ?? p.taxon, [details]);
  const [search, setSearch] = useState(NO_SEARCH);
  const [overviewFilter, setOverviewFilter] = useState<MapFilterInput>(ANY);
  const overview = useLiveQuery(
    'map.overview',
    remote ? { workspaceId: remote.workspaceId, ...(remote.caseId ? { caseId: remote.caseId } : {}), filter: overviewFilter } : null,
    { refetchOn: remote ? [projectionChanged(remote.workspaceId, remote.caseId)] : [], keepPrevious: true },
  );
  const allRoutes = useMemo(() => props.routes ?? [], [props.routes]);
  const remoteMonths = overview.data?.months;
  // The slider spans the seizures' months and the timed routes' periods (a remote map's months are contiguous: its ends suffice).
  const steps = useMemo(
    () => (remote ? timeSteps([], allRoutes, monthEnds(remoteMonths ?? [])) : timeSteps(points, allRoutes)),
    [remote, remoteMonths, points, allRoutes],
  );
  const fullRange: [number, number] = [0, Math.max(0, steps.months.length - 1)];
  const r = range && range[1] < steps.months.length ? range : fullRange;
  const dates = sliderRange(steps, r[0], r[1]);
  const effective: MapFilter = { ...filter, from: dates.from, to: dates.to };
  const shown = useMemo(
    () => filterPoints(points, effective, taxonOf),
    // `effective` is rebuilt each render; its parts are the dependencies.
    [points, filter, dates.from, dates.to, taxonOf],
  );
  const shownRoutes = useMemo(() => filterRoutes(allRoutes, dates), [allRoutes, dates.from, dates.to]);
  // The filter the data service narrows by (remote maps): the same filter with the slider's dates.
  const wireFilter = useMemo(
    (): MapFilterInput => ({ from: dates.from, to: dates.to, hiddenSectors: [...filter.hiddenSectors], commodity: filter.commodity, country: filter.country, caseId: filter.caseId, taxon: filter.taxon, flaggedOnly: filter.flaggedOnly }),
    [filter, dates.from, dates.to],
  );
  const wireKey = JSON.stringify(wireFilter);
  // Sent once the filter has settled (a slider moved by 60 key presses asks once, not 60 times,
  // so the answer for the last range is not queued behind 59 stale ones: tester finding, issue 11).
  useEffect(() => {
    if (!remote) return;
    const timer = setTimeout(() => setOverviewFilter(wireFilter), FILTER_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [remote, wireKey]);
  const localFacets = useMemo(() => {
    if (remote) return null;
    return { commodity: facet(points, (p) => p.commodity), taxon: facet(points, taxonOf), country: facet(points, (p) => p.country), caseId: caseNumbers ? facet(points, (p) => p.caseId) : [] };
  }, [remote, points, taxonOf, caseNumbers]);
  const remoteLists = {
    commodity: useRemoteFacet(remote, 'commodity', search.commodity, true),
    taxon: useRemoteFacet(remote, 'taxon', search.taxon, true),
    country: useRemoteFacet(remote, 'country', search.country, true),
    caseId: useRemoteFacet(remote, 'caseId', search.caseId, Boolean(caseNumbers)),
  };
  const list = (k: ListKey): FacetList => ({
    ...(localFacets ? narrowFacet(localFacets[k], search[k], FACET_LIST_LIMIT) : remoteLists[k]),
    search: search[k],
    onSearch: (text: string) => setSearch((old) => ({ ...old, [k]: text })),
  });
  const facets: FilterFacets = { commodity: list('commodity'), taxon: list('taxon'), country: list('country'), ...(caseNumbers ? { caseId: list('caseId') } : {}) };
  const localSectors = useMemo(() => [...new Set(points.map((p) => p.sector))], [points]);
  const allSectors = remote ? (overview.data?.sectors ?? []) : localSectors;
  // Nothing is counted until the data has answered: a count of 0 before that would be a guess (tester finding).
  const counting = remote ? !overview.data : props.loading === true;
  // The overview on screen answers another filter than the one chosen (not yet sent, or its
  // answer pending): its count must not be claimed for the chosen one.
  const updating = Boolean(remote) && !counting && (overview.stale || JSON.stringify(overviewFilter) !== wireKey);
  const shownCount = remote ? (overview.data?.shown ?? 0) : shown.length;
  const totalCount = remote ? (overview.data?.total ?? 0) : points.length;
  // Flagged for review among the seizures shown (with "Flagged for review only" on, all of them).
  const localFlagged = useMemo(() => (remote ? 0 : shown.reduce((n, p) => n + (isFlaggedForReview(p) ? 1 : 0), 0)), [remote, shown]);
  const flaggedCount = counting ? null : remote ? (overview.data?.flagged ?? 0) : localFlagged;
  const [keys] = useState(() => new ContentKeys());
  const localFitKey = useMemo(() => (remote ? '' : keys.key(points)), [keys, points, remote]);
  const remoteBounds = overview.data?.bounds ?? null;
  // The view fits the seizures shown when the set changes or a filter list's choice does (Country:
  // Fiji shows Fiji, F6); the time slider, the legend's sectors and "Flagged only" keep the view.
  // A remote map refits once the overview answers the chosen lists (its bounds are then theirs).
  const answeredLists = remote && overview.data && !overview.stale ? listChoices(overviewFilter) : null;
  const fittedLists = useRef(listChoices(ANY));
  if (answeredLists !== null) fittedLists.current = answeredLists;
  const fitKey = remote ? `${fittedLists.current}|${overview.data?.total ?? 0}` : `${localFitKey}|${listChoices(filter)}`;
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
  const narrowed = shownCount !== totalCount || filter !== NO_FILTER;

  const exportPng = async (): Promise<void> => {
    const h = handle.current;
    // The PNG states the count: never one computed for another filter (the button is disabled meanwhile).
    if (!h || updating) return;
    try {
      const sectors = remote ? allSectors.filter((x) => !filter.hiddenSectors.has(x)) : [...new Set(shown.map((p) => p.sector))];
      const months = steps.months.length ? ([steps.months[r[0]]!, steps.months[r[1]]!] as const) : null;
      const pngFilter: PngFilter = {
        country: filter.country,
        commodity: filter.commodity,
        taxon: filter.taxon,
        caseNumber: filter.caseId ? (caseNumbers?.get(filter.caseId) ?? filter.caseId) : '',
        flaggedOnly: filter.flaggedOnly,
        hiddenSectors: [...filter.hiddenSectors],
        months,
      };
      const png = await h.exportPng({ sectors, shown: shownCount, total: totalCount, flagged: flaggedCount ?? 0, filter: pngFilter, ...(props.tlp ? { tlp: props.tlp } : {}) });
      if (await savePng(props.pngName, png)) toast(t('ui.map.png-saved'));
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
          shown={shownCount}
          total={totalCount}
          counting={counting}
          flagged={flaggedCount}
          updating={updating}
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
          {remote && !overview.data ? null : (
          <SeizureMap
            label={props.label}
            points={shown}
            {...(remote && overview.data ? { remote: { scope: { ...remote, filter: overviewFilter, version: overview.data.version }, bounds: remoteBounds } } : {})}
            fitKey={fitKey}
            heat={heat}
            onReady={onReady}
            {...(details ? { details } : {})}
            {...(props.routes ? { routes: shownRoutes, fitRoutes: props.routes } : {})}
            {...(props.onOpenSeizure ? { onOpenSeizure: props.onOpenSeizure } : {})}
            {...(props.extraFor ? { extraFor: props.extraFor } : {})}
            {...(props.onMoveSeizure ? { onMoveSeizure: props.onMoveSeizure } : {})}
            {...(props.workspace ? { online: { workspaceId: props.workspace.id, tiles: onlineTiles, canSet: props.workspace.canSetOnlineTiles } } : {})}
          >
            {props.inMap}
          </SeizureMap>
          )}
          {overview.error ? <ErrorPanel error={overview.error} onRetry={overview.reload} /> : null}
          {props.empty}
          {totalCount && !shownCount ? (
            <div className="map-empty" role="status">
              {t('ui.map.none-match')}
            </div>
          ) : null}
        </div>
      </div>
      <MapLegend
        sectors={allSectors}
        mapped={counting || updating ? null : shownCount}
        unmapped={counting ? null : props.unmapped}
        routes={shownRoutes.length}
        patrolRoutes={shownRoutes.filter((r) => routeKindOf(r) === 'patrol').length}
        untimedRoutes={dates.from || dates.to ? shownRoutes.filter((r) => !routePeriod(r)).length : 0}
        hiddenSectors={filter.hiddenSectors}
        flagged={flaggedCount}
        onToggleSector={toggleSector}
        {...(onlineTiles ? { onlineTilesHost: onlineTileHost(onlineTiles.urlTemplate) } : {})}
      />
    </div>
  );
}
