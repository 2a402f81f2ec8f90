/**
 * The app's own origin. Electron serves the built renderer under the privileged custom scheme
 * `app` (registered standard + secure before `ready`), host `nest`: `app://nest/index.html`.
 * Every check of "is this our page?" goes through {@link isAppUrl}, which parses the URL instead
 * of comparing string prefixes (Electron security checklist § 13).
 */

/** The custom scheme, without the colon. */
export const APP_SCHEME = 'app';
/** The only host served under {@link APP_SCHEME}. */
export const APP_HOST = 'nest';
/** The app's origin as the page sees it (`location.origin`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` parses and is on the app's origin (`app://nest/…`), whatever its path. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}
