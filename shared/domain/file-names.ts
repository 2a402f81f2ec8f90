/**
 * Names of files the app offers to save (an invitation, the workspace public key): a user's
 * text turned into one safe file-name part. Isomorphic.
 */

/**
 * `text` as a file-name part: each run of characters other than letters and digits (any script)
 * becomes one `-`, none at either end, at most `max` characters; `fallback` when nothing is left.
 * `NEST Singapore 2026` → `NEST-Singapore-2026`; `../..` → `fallback`.
 */
export function fileNamePart(text: string, fallback: string, max = 40): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, max).replace(/-$/, '') || fallback;
}
