/**
 * How file facts are written in the Files list: sizes in the reader's locale with binary-free
 * units (kB, MB, GB as the OS file managers show them, powers of 1000) and a short hash.
 */

import { t } from '../../../shared/messages';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** `bytes` as "512 bytes", "1.5 MB", "2.1 GB" (powers of 1000, one decimal from kB on). */
export function formatBytes(bytes: number): string {
  // Intl's short "byte" unit reads "512 byte" in English: below 1 kB the catalogue's plural says it.
  if (bytes < 1000) return t('ui.files.size-bytes', { count: Math.max(0, bytes) });
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: UNITS[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
}

/** The first 12 hex digits of a SHA-256 (enough to tell files apart by eye; the copy button gives all 64). */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
