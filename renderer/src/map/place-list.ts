/**
 * The popup of the seizures of a cluster that no zoom can split: a heading with their count and
 * their place when every one of them is at it (else how many places, each row naming its own), a search box, the seizures a page at a time (date order) with a "Show more" button
 * that also fires when the list is scrolled to its end, so every one of 20,000 seizures at one
 * port can be reached. Picking one shows that seizure's own popup; "Back" there returns to the
 * list as it was. The pages come from a {@link PlaceSource}: the page's own points (small maps) or
 * `map.leaves` (maps clustered on the data service, remote-clusters.tsx). Built with DOM calls
 * and `textContent` only (imported data is untrusted). A seizure flagged for review is marked "!"
 * with the reason under it (flag-mark.ts's mark; its popup offers the detail that clears it).
 */
import type { MapPoint } from '../../../shared/rpc/cases';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { mapPlaceName, matchesPlaceSearch, placeQuery } from '../../../shared/domain/map-filter';
import { formatQuantity } from '../format/numbers';
import { isFlaggedForReview } from '../../../shared/domain/seizure';
import { reviewFlagsSummary } from '../../../shared/domain/review-flag-text';
import { formatSeizureDate } from '../format/dates';
import { t } from '../../../shared/messages';

/** Seizures a place list asks for at a time. */
export const PLACE_PAGE = 100;
/** From this many seizures at one place the list has a search box. */
const SEARCH_FROM = 10;
/** Pause after the last keystroke before a search is asked (ms). */
const SEARCH_DELAY_MS = 250;
/** Distance from the list's end (px) at which scrolling asks for the next page. */
const NEAR_END_PX = 40;

/** Where a place list's seizures come from. */
export interface PlaceSource {
  /** Seizures at the place. */
  readonly total: number;
  /**
   * How many places they lie at (distinct names the map shows for them, shared/domain/map-filter.ts
   * `mapPlaceName`; `map.leaves` counts them on the data service): the list is titled by the
   * place only when 1, and otherwise names each seizure's place.
   */
  readonly places: number;
  /**
   * The seizures matching `search` (the text typed, '' for all; matched by
   * shared/domain/map-filter.ts `matchesPlaceSearch`), in one fixed order, from `offset`, at most
   * `limit`, and how many match. Rejects when the place is gone (the map changed).
   */
  page(offset: number, limit: number, search: string): Promise<{ matched: number; points: MapPoint[] }>;
}

/** A place list over points the page already holds (a map clustered in the page). */
export function localPlaceSource(points: readonly MapPoint[]): PlaceSource {
  return {
    total: points.length,
    places: new Set(points.map(mapPlaceName)).size,
    page: (offset, limit, search) => {
      const q = placeQuery(search);
      const matching = q ? points.filter((p) => matchesPlaceSearch(p, q)) : points;
      return Promise.resolve({ matched: matching.length, points: matching.slice(offset, offset + limit) });
    },
  };
}

/**
 * Runs `replace` (which swaps the popup's content) for a click that must not reach the map. The
 * swap detaches the clicked button, so Leaflet could no longer see that the click came from inside
 * the popup and would take it for a click on the map, which closes the popup.
 */
function swap(e: Event, replace: () => void): void {
  e.stopPropagation();
  replace();
}

/** One seizure's button of the list; `withPlace`: the list spans several places, so the row names its own. */
function itemOf(p: MapPoint, onPick: (p: MapPoint) => void, withPlace: boolean): HTMLLIElement {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'map-place-item';
  const dot = document.createElement('span');
  dot.className = `sector-dot sector-${p.sector}`;
  dot.title = CRIME_SECTOR_LABELS[p.sector];
  const main = document.createElement('span');
  main.className = 'map-place-item-main';
  main.textContent = p.commodity;
  const sub = document.createElement('span');
  sub.className = 'map-place-item-sub';
  sub.textContent = `${formatSeizureDate(p.seizureDate, p.datePrecision)} · ${formatQuantity(p.quantity, p.unit)}`;
  if (withPlace) {
    const where = document.createElement('span');
    where.className = 'map-place-item-place';
    where.textContent = mapPlaceName(p);
    sub.append(' · ', where);
  }
  b.append(dot, main, sub);
  if (isFlaggedForReview(p)) {
    const why = reviewFlagsSummary(p.reviewFlags);
    b.classList.add('map-place-item-flagged');
    const mark = document.createElement('span');
    mark.className = 'map-place-item-flag';
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', t('ui.review.badge'));
    mark.textContent = `! ${t('ui.review.badge')}`;
    const reason = document.createElement('span');
    reason.className = 'map-place-item-why';
    reason.textContent = why;
    main.append(' ', mark);
    b.append(reason);
  }
  b.addEventListener('click', (e) => swap(e, () => onPick(p)));
  li.append(b);
  return li;
}

/** A place list: its element, and `shown()` to call after it is put back in the popup (restores its scroll). */
export interface PlaceList {
  readonly element: HTMLElement;
  shown(): void;
}

/**
 * The list of the seizures of `source`; `onPick` hears the seizure chosen, `onResize` that the
 * list's size changed (a page arrived: the popup lays itself out again).
 */
export function placeList(source: PlaceSource, onPick: (p: MapPoint) => void, onResize: () => void = () => undefined): PlaceList {
  const root = document.createElement('div');
  root.className = 'map-place-list';
  const head = document.createElement('p');
  head.className = 'map-place-list-head';
  // Titled by a place only when every seizure is at it (the source's count proves it): a
  // cluster's first seizure does not speak for the others.
  const several = source.places > 1;
  head.textContent = several ? t('ui.map.place-list-head-places', { count: source.total, places: source.places }) : t('ui.map.place-list-head-here', { count: source.total });
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'input input-sm map-place-search';
  search.placeholder = t('ui.map.place-list-search-short');
  search.setAttribute('aria-label', t('ui.map.place-list-search'));
  // Keys typed here are the search's: Leaflet's keyboard handler would zoom on "-" or pan on arrows.
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  const ul = document.createElement('ul');
  const status = document.createElement('p');
  status.className = 'map-place-list-status';
  status.setAttribute('role', 'status');
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'btn btn-sm btn-ghost map-place-more';
  more.hidden = true;

  let shownCount = 0;
  let matched = 0;
  let loading = false;
  let asked = 0; // a newer search supersedes a page still on its way
  let scrollTop = 0;

  const describe = (): void => {
    status.textContent =
      matched === 0 && search.value.trim()
        ? t('ui.map.place-list-none', { search: search.value.trim() })
        : t('ui.map.place-list-shown', { shown: shownCount, matched });
    more.hidden = shownCount >= matched;
    more.textContent = t('ui.map.place-list-more', { count: Math.min(PLACE_PAGE, matched - shownCount) });
  };
  const load = (): void => {
    if (loading) return;
    loading = true;
    const n = ++asked;
    more.disabled = true;
    source.page(shownCount, PLACE_PAGE, search.value).then(
      (page) => {
        if (n !== asked) return;
        loading = false;
        more.disabled = false;
        const first = page.points[0];
        if (!several && shownCount === 0 && first) {
          head.textContent = first.place ? t('ui.map.place-list-head', { count: source.total, place: first.place }) : t('ui.map.place-list-head-country', { count: source.total, country: mapPlaceName(first) });
        }
        for (const p of page.points) ul.append(itemOf(p, pick, several));
        shownCount += page.points.length;
        matched = page.matched;
        describe();
        onResize();
      },
      () => {
        if (n !== asked) return;
        loading = false;
        more.hidden = true;
        status.textContent = t('ui.map.place-list-failed');
        onResize();
      },
    );
  };
  const pick = (p: MapPoint): void => {
    scrollTop = ul.scrollTop;
    onPick(p);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      asked++; // drop a page of the previous text still on its way
      loading = false;
      ul.replaceChildren();
      shownCount = 0;
      ul.scrollTop = 0;
      load();
    }, SEARCH_DELAY_MS);
  });
  more.addEventListener('click', (e) => {
    e.stopPropagation();
    load();
  });
  ul.addEventListener('scroll', () => {
    if (!loading && shownCount < matched && ul.scrollTop + ul.clientHeight >= ul.scrollHeight - NEAR_END_PX) load();
  });

  root.append(head);
  if (source.total >= SEARCH_FROM) root.append(search);
  root.append(ul, status, more);
  status.textContent = t('ui.map.place-list-loading');
  load();
  return {
    element: root,
    shown: () => {
      ul.scrollTop = scrollTop;
    },
  };
}

/** Wraps a seizure's popup content with a "Back to the list" button above it. */
export function withBack(content: HTMLElement, count: number, onBack: () => void): HTMLElement {
  const root = document.createElement('div');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-sm btn-ghost map-place-back';
  b.textContent = t('ui.map.place-list-back', { count });
  b.addEventListener('click', (e) => swap(e, onBack));
  root.append(b, content);
  return root;
}
