/**
 * The online tile layer a workspace admin may enable (docs/map.md § Basemaps): a raster tile URL
 * template and its attribution. Off by default; while it is on, every map view asks that tile
 * server for tiles, which tells it which areas are being looked at (the map says so).
 *
 * Validation (one home for the rule, used by the workspace doc, the RPC and the form):
 * - `https:` only, a public DNS host name written as such (no wildcard, IP address or single-label
 *   name), no user name or password, no fragment;
 * - `{z}`, `{x}` and `{y}` each present, and no other `{…}` placeholder — in particular no `{s}`
 *   subdomains, so the layer talks to exactly one origin, the one the CSP's `img-src` is widened by.
 */
import { z } from 'zod';
import { lineSchema } from './fields';
import { t } from '../messages';

/** A DNS name of two or more labels ending in an alphabetic top-level label (after URL parsing: lower case, punycode). */
const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Longest URL template accepted. */
export const MAX_TILE_TEMPLATE = 500;

/** Why `template` is not an acceptable online tile URL template (a catalogue sentence, lower-case, following the field's name), or null when it is. */
export function onlineTemplateProblem(template: string): string | null {
  const placeholders: string[] = template.match(/\{[^}]*\}/g) ?? [];
  for (const p of ['{z}', '{x}', '{y}']) if (!placeholders.includes(p)) return t('field.tile-url.placeholder-missing', { placeholder: p });
  const other = placeholders.find((p) => !['{z}', '{x}', '{y}'].includes(p));
  if (other) return t('field.tile-url.other-placeholder', { placeholder: other });
  let u: URL;
  try {
    u = new URL(template.replace(/\{[zxy]\}/g, '0'));
  } catch {
    return t('field.tile-url.not-url');
  }
  if (u.protocol !== 'https:') return t('field.tile-url.https');
  if (u.username || u.password) return t('field.tile-url.credentials');
  // The origin goes into the page's CSP: only a public DNS name written as such — no wildcard,
  // quote or other CSP syntax, no IP address or single-label name (loopback, intranet), and no
  // form a URL parser repairs (`https:\\host`, `https:host`) — tester G-MAP-4.
  if (!DNS_NAME.test(u.hostname) || !template.toLowerCase().startsWith(`https://${u.host}`)) return t('field.tile-url.host');
  if (u.hash) return t('field.tile-url.fragment');
  return null;
}

/** An enabled online tile layer. */
export const onlineTilesSchema = z.object({
  urlTemplate: z
    .string()
    .trim()
    .max(MAX_TILE_TEMPLATE)
    .superRefine((v, ctx) => {
      const problem = onlineTemplateProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  attribution: lineSchema(200).min(1, t('field.tile-attribution')),
});
/** See {@link onlineTilesSchema}. */
export type OnlineTiles = z.infer<typeof onlineTilesSchema>;

/** The one origin (`https://host[:port]`) a valid template's tiles come from. */
export function onlineTileOrigin(template: string): string {
  return new URL(template.replace(/\{[zxy]\}/g, '0')).origin;
}

/** The host (with port, if any) a valid template's tiles come from: what the map's warning names. */
export function onlineTileHost(template: string): string {
  return new URL(template.replace(/\{[zxy]\}/g, '0')).host;
}
