/**
 * Checks a relay address as the user types it, with the rules the data service applies
 * (service/relay-sync/relay-url.ts): ws://, wss://, http:// or https:// (wss:// when no
 * scheme is given), a host, no query, fragment or user name. The service checks again.
 */
import { t } from '../../../shared/messages';

/** The result of checking a relay address. */
export type RelayAddressCheck = { ok: true; url: string; secure: boolean; loopback: boolean } | { ok: false; message: string };

/** Checks `input`; `url` is the address as it will be used (with its scheme). */
export function checkRelayAddress(input: string): RelayAddressCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, message: t('sync.address.required') };
  if (/\s/.test(raw)) return { ok: false, message: t('sync.address.spaces') };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `wss://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { ok: false, message: t('sync.address.not-an-address') };
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(u.protocol)) return { ok: false, message: t('sync.address.scheme') };
  if (!u.hostname) return { ok: false, message: t('sync.address.host') };
  if (u.search || u.hash) return { ok: false, message: t('sync.address.query') };
  if (u.username || u.password) return { ok: false, message: t('sync.address.credentials') };
  const secure = u.protocol === 'wss:' || u.protocol === 'https:';
  const loopback = u.hostname === 'localhost' || u.hostname === '[::1]' || /^127\./.test(u.hostname);
  return { ok: true, url: withScheme.replace(/\/+$/, ''), secure, loopback };
}
