/**
 * The Content-Security-Policy of the app's pages, the same in Electron (custom protocol) and in
 * browser mode: only the app's own files, no inline scripts, no remote content.
 *
 * One exception for evidence files (issue 13): the viewer shows a case's PDF in a frame whose
 * source is a `blob:` URL the page made from bytes it fetched with its token (browser mode:
 * `GET /files/…`, service/entries/file-routes.ts). `frame-src blob:` allows exactly that: a
 * `blob:` URL always belongs to the page that created it, so no other origin can be framed.
 * Images use `blob:` URLs too (already allowed by `img-src`). Plugins stay off (`object-src 'none'`).
 */

/**
 * The CSP header value. `connect` lists the extra sources the page may connect to (browser mode:
 * its own `ws://127.0.0.1:PORT`); `images` the extra image origins — only the one origin of each
 * online tile layer a workspace admin enabled (docs/map.md), none by default. Nothing else leaves
 * the machine.
 */
export function contentSecurityPolicy(connect: string[] = [], images: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${images.join(' ')}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers sent with every app file (`connect`, `images`: see {@link contentSecurityPolicy}). */
export function securityHeaders(connect: string[] = [], images: string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connect, images),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
