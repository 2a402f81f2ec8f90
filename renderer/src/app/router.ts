/**
 * Hash routes of the app. The hash (not the path) carries the route so the same files work
 * under Electron's app:// protocol and in browser mode; the browser-mode token arrives as
 * `#token=…` once and is then replaced by a route (connect.ts keeps it in sessionStorage).
 *
 *   #/                              workspace chooser
 *   #/w/<ws>                        case list
 *   #/w/<ws>/map                    workspace map (all mapped seizures)
 *   #/w/<ws>/sources                about the data
 *   #/w/<ws>/relay                  workspace settings: relay & members
 *   #/w/<ws>/held-deletions         mass deletions the relay holds for an admin's decision
 *   #/w/<ws>/estimates              estimates across cases (valuation)
 *   #/w/<ws>/prices                 price references (valuation)
 *   #/w/<ws>/rates                  exchange rates (valuation)
 *   #/w/<ws>/commodities            the workspace's own commodities beside the curated list
 *   #/w/<ws>/c/<case>[/<tab>]       a case (tab: overview | seizures | map | valuation)
 *   #/w/<ws>/c/<case>/seizures/<id> a case with one seizure's detail open
 */
import { useEffect, useState } from 'react';

/** Tabs of the case view. */
export const CASE_TABS = ['overview', 'notes', 'seizures', 'entities', 'chart', 'exhibits', 'tasks', 'timeline', 'map', 'valuation'] as const;
/** One case tab. */
export type CaseTab = (typeof CASE_TABS)[number];

/** A parsed route. */
export type Route =
  | { name: 'home' }
  | { name: 'cases'; ws: string }
  | { name: 'map'; ws: string }
  | { name: 'sources'; ws: string }
  | { name: 'shared-ids'; ws: string }
  | { name: 'relay'; ws: string }
  | { name: 'held-deletions'; ws: string }
  | { name: 'commodities'; ws: string }
  | { name: 'estimates' | 'prices' | 'rates'; ws: string }
  | { name: 'case'; ws: string; caseId: string; tab: CaseTab; seizureId?: string };

/** Parses a location hash into a route; anything unknown is the home route. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'w' || !parts[1]) return { name: 'home' };
  const ws = parts[1];
  if (parts.length === 2) return { name: 'cases', ws };
  if (parts[2] === 'map') return { name: 'map', ws };
  if (parts[2] === 'sources') return { name: 'sources', ws };
  if (parts[2] === 'shared-ids') return { name: 'shared-ids', ws };
  if (parts[2] === 'relay') return { name: 'relay', ws };
  if (parts[2] === 'held-deletions') return { name: 'held-deletions', ws };
  if (parts[2] === 'commodities') return { name: 'commodities', ws };
  if (parts[2] === 'estimates' || parts[2] === 'prices' || parts[2] === 'rates') return { name: parts[2], ws };
  if (parts[2] === 'c' && parts[3]) {
    const tab = (CASE_TABS as readonly string[]).includes(parts[4] ?? '') ? (parts[4] as CaseTab) : 'overview';
    const seizureId = tab === 'seizures' && parts[5] ? parts[5] : undefined;
    return seizureId ? { name: 'case', ws, caseId: parts[3], tab, seizureId } : { name: 'case', ws, caseId: parts[3], tab };
  }
  return { name: 'cases', ws };
}

/** The hash (with leading #) of a route. */
export function routeHref(r: Route): string {
  switch (r.name) {
    case 'home':
      return '#/';
    case 'cases':
      return `#/w/${r.ws}`;
    case 'map':
      return `#/w/${r.ws}/map`;
    case 'sources':
      return `#/w/${r.ws}/sources`;
    case 'shared-ids':
      return `#/w/${r.ws}/shared-ids`;
    case 'relay':
      return `#/w/${r.ws}/relay`;
    case 'held-deletions':
      return `#/w/${r.ws}/held-deletions`;
    case 'commodities':
      return `#/w/${r.ws}/commodities`;
    case 'estimates':
    case 'prices':
    case 'rates':
      return `#/w/${r.ws}/${r.name}`;
    case 'case':
      return `#/w/${r.ws}/c/${r.caseId}${r.tab === 'overview' ? '' : `/${r.tab}`}${r.tab === 'seizures' && r.seizureId ? `/${r.seizureId}` : ''}`;
  }
}

/** Navigates to a route (adds a history entry). */
export function navigate(r: Route): void {
  window.location.hash = routeHref(r);
}

/** Shows a route in the address without a history entry (e.g. the selected seizure), so a reload keeps it. */
export function replaceRoute(r: Route): void {
  const href = routeHref(r);
  if (window.location.hash === href) return;
  history.replaceState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Replaces a `#token=…` hash left by the browser-mode URL with the home route, without a history entry. */
export function dropTokenFromHash(): void {
  if (/(?:^#|&)token=/.test(window.location.hash)) {
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
}

/** The current route, updated on hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
