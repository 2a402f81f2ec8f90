/**
 * Internal links in the case notes: `nest:<kind>/<id>` points at a record of this case (a
 * seizure, an entity, an exhibit), opened in place by the app instead of a browser.
 */
import { routeHref } from '../app/router';

/** Kinds of record a `nest:` link may name. */
export const NEST_LINK_KINDS = ['seizure', 'entity', 'exhibit'] as const;
/** One kind. */
export type NestLinkKind = (typeof NEST_LINK_KINDS)[number];

/** The record a `nest:` href names, or null when it is not a well-formed internal link. */
export function parseNestLink(href: string): { kind: NestLinkKind; id: string } | null {
  const m = /^nest:(seizure|entity|exhibit)\/([0-9a-f-]{8,64})$/i.exec(href.trim());
  return m ? { kind: m[1]!.toLowerCase() as NestLinkKind, id: m[2]!.toLowerCase() } : null;
}

/** True when `href` may be stored as a link in the notes: http(s), mailto or a well-formed `nest:` link. */
export function isAllowedNoteLink(href: string): boolean {
  return /^(https?:\/\/\S+|mailto:\S+@\S+)$/i.test(href.trim()) || parseNestLink(href) !== null;
}

/**
 * The app address a `nest:` link opens in case `caseId` of workspace `ws`: a seizure opens its
 * detail on the seizures tab; entities and exhibits open their own tabs (addresses of the
 * entities and exhibits work, `#/w/<ws>/c/<case>/<kind>s/<id>`).
 */
export function nestLinkHref(ws: string, caseId: string, link: { kind: NestLinkKind; id: string }): string {
  if (link.kind === 'seizure') return routeHref({ name: 'case', ws, caseId, tab: 'seizures', seizureId: link.id });
  return `#/w/${ws}/c/${caseId}/${link.kind === 'entity' ? 'entities' : 'exhibits'}/${link.id}`;
}
