/**
 * The bar above the map: the count of seizures shown ("1,234 of 100,000 seizures shown"), the
 * filters (commodity, species, country and, on the workspace map, case) as selects listing the
 * most frequent values present with their counts (a search box finds the others in a long list),
 * "Flagged for review only" (the seizure table's filter, with how many are flagged), the time
 * slider, and the heat-map and PNG-export buttons.
 */
import type { ReactNode } from 'react';
import { countryLabel } from '../format/countries';
import type { FacetOption, MapFilter, TimeSteps } from './map-filters';
import { TimeSlider } from './time-slider';
import { t } from '../../../shared/messages';

/**
 * The choices of one select filter: the first values (most frequent first) of those matching
 * `search`, and how many match (`distinct`); a list longer than it shows gets a search box
 * (G-MAP-6: 30,001 commodities must not become one select of 30,001 options).
 */
export interface FacetList {
  options: FacetOption[];
  distinct: number;
  search: string;
  onSearch: (text: string) => void;
}

/** The choices of each select filter. */
export interface FilterFacets {
  commodity: FacetList;
  taxon: FacetList;
  country: FacetList;
  /** Absent on the case map. */
  caseId?: FacetList;
}

/** Props of {@link MapFilterBar}. */
export interface MapFilterBarProps {
  filter: MapFilter;
  onFilter: (f: MapFilter) => void;
  facets: FilterFacets;
  /** Label of a case id (its number). */
  caseLabel?: (id: string) => string;
  steps: TimeSteps;
  range: [number, number];
  onRange: (r: [number, number]) => void;
  shown: number;
  total: number;
  /** True until the counts and the months are known: "Counting seizures…" instead of "0 of 0". */
  counting?: boolean;
  /**
   * True while the counts on hand answer another filter than the chosen one (a remote map's
   * answer is pending): "Updating…" instead of a count, and Export PNG disabled until it is known.
   */
  updating?: boolean;
  heat: boolean;
  onHeat: (on: boolean) => void;
  onExport: () => void;
  /** Seizures flagged for review among those the other filters pass; null while not counted. */
  flagged: number | null;
  /** Filters or slider narrowed the points. */
  narrowed: boolean;
  onClear: () => void;
}

type SelectKey = 'commodity' | 'taxon' | 'country' | 'caseId';

function FilterSelect(props: { k: SelectKey; label: string; list: FacetList; p: MapFilterBarProps; text?: (v: string) => string }): ReactNode {
  const { k, p, list } = props;
  const chosen = p.filter[k];
  const searchable = list.distinct > list.options.length || list.search !== '';
  return (
    <div className="map-filter-group">
      <label className="map-filter">
        <span className="map-filter-label">{props.label}</span>
        <select className="select select-sm" value={chosen} onChange={(e) => p.onFilter({ ...p.filter, [k]: e.target.value })}>
          <option value="">{t('ui.map.filter-any')}</option>
          {/* The chosen value stays listed when a search no longer lists it. */}
          {chosen && !list.options.some((o) => o.value === chosen) ? <option value={chosen}>{props.text ? props.text(chosen) : chosen}</option> : null}
          {list.options.map((o) => (
            <option key={o.value} value={o.value}>
              {t('ui.map.filter-option', { value: props.text ? props.text(o.value) : o.value, count: o.count })}
            </option>
          ))}
        </select>
      </label>
      {searchable ? (
        <>
          <input
            type="search"
            className="input input-sm map-filter-search"
            aria-label={t('ui.map.filter-search', { field: props.label })}
            placeholder={t('ui.map.filter-search', { field: props.label })}
            value={list.search}
            onChange={(e) => list.onSearch(e.target.value)}
          />
          <span className="map-filter-more">{t('ui.map.filter-more', { shown: list.options.length, distinct: list.distinct })}</span>
        </>
      ) : null}
    </div>
  );
}

/** The bar. */
export function MapFilterBar(p: MapFilterBarProps): ReactNode {
  return (
    <section className="map-filter-bar" aria-label={t('ui.map.filters-label')}>
      <div className="map-filter-row">
        <p className="map-shown" data-testid="map-shown" role="status" aria-busy={p.counting === true || p.updating === true}>
          {p.counting ? t('ui.map.counting') : p.updating ? t('ui.map.updating') : t('ui.map.shown-of', { shown: p.shown, total: p.total })}
        </p>
        <div className="map-tools">
          <button type="button" className="btn btn-sm" aria-pressed={p.heat} onClick={() => p.onHeat(!p.heat)}>
            {t('ui.map.heat')}
          </button>
          <button type="button" className="btn btn-sm" onClick={p.onExport} disabled={p.counting === true || p.updating === true}>
            {t('ui.map.export-png')}
          </button>
        </div>
      </div>
      <div className="map-filter-row map-filter-fields">
        <FilterSelect k="commodity" label={t('ui.map.filter-commodity')} list={p.facets.commodity} p={p} />
        <FilterSelect k="taxon" label={t('ui.map.filter-species')} list={p.facets.taxon} p={p} />
        <FilterSelect k="country" label={t('ui.map.filter-country')} list={p.facets.country} p={p} text={countryLabel} />
        {p.facets.caseId ? <FilterSelect k="caseId" label={t('ui.map.filter-case')} list={p.facets.caseId} p={p} {...(p.caseLabel ? { text: p.caseLabel } : {})} /> : null}
        <label className="map-filter map-flag-filter" title={t('ui.map.flag.filter-aria')}>
          <input type="checkbox" checked={p.filter.flaggedOnly} aria-label={t('ui.map.flag.filter-aria')} onChange={(e) => p.onFilter({ ...p.filter, flaggedOnly: e.target.checked })} />
          <span className="map-flag-filter-mark" aria-hidden="true">
            !
          </span>
          {p.flagged === null ? t('ui.map.flag.filter') : t('ui.map.flag.filter-count', { count: p.flagged })}
        </label>
        {p.narrowed ? (
          <button type="button" className="btn btn-sm btn-ghost map-clear" onClick={p.onClear}>
            {t('ui.map.clear-filters')}
          </button>
        ) : null}
      </div>
      {p.counting ? <p className="map-time-empty">{t('ui.map.reading-dates')}</p> : <TimeSlider steps={p.steps} range={p.range} onChange={p.onRange} />}
    </section>
  );
}
