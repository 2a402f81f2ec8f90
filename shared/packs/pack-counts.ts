/**
 * What a case pack holds, counted one way for the export's result and the verifier's verdict
 * (tester finding, issue 11: the export said "9 files, 68,333 bytes" — the manifest's files and
 * the ZIP's size — while the ZIP held 11 entries and `npm run verify` said "9 files (80,470
 * bytes)", the manifest's files and their uncompressed bytes). Both now state both numbers in the
 * same sentence (`pack.counts`): the entries in the ZIP and its size, then the files the signed
 * manifest covers and their bytes.
 */
import { z } from 'zod';
import { t } from '../messages/format';

/** The counts; sizes in bytes. */
export const packCountsSchema = z.object({
  /** Entries in the ZIP: the manifest's files plus manifest.json and manifest.sig. */
  entries: z.number().int().nonnegative(),
  /** The ZIP file's size on disk. */
  zipBytes: z.number().int().nonnegative(),
  /** Files the signed manifest lists (each covered by its size and SHA-256). */
  files: z.number().int().nonnegative(),
  /** Those files' bytes, uncompressed (the sum of the manifest's sizes). */
  fileBytes: z.number().int().nonnegative(),
});

/** See {@link packCountsSchema}. */
export type PackCounts = z.infer<typeof packCountsSchema>;

/** Entries of a pack outside its manifest's file list: manifest.json and manifest.sig. */
export const PACK_META_ENTRIES = 2;

/**
 * The counts of a pack whose manifest lists `files` (their sizes in bytes) and whose ZIP is
 * `zipBytes` long.
 */
export function packCounts(files: readonly { size: number }[], zipBytes: number): PackCounts {
  return { entries: files.length + PACK_META_ENTRIES, zipBytes, files: files.length, fileBytes: files.reduce((n, f) => n + f.size, 0) };
}

/** The counts in words (`pack.counts`, current locale): the one wording the UI and the CLI use. */
export function packCountsText(c: PackCounts): string {
  return t('pack.counts', { entries: c.entries, zipBytes: c.zipBytes, files: c.files, fileBytes: c.fileBytes });
}

/**
 * The values of a sentence sent over the wire with the counts as numbers (`entries`, `zipBytes`,
 * `files`, `fileBytes`), plus `counts`: those in words, for a message with a `{counts}` placeholder
 * (`pack.verify.ok`). Values without all four are returned as they are.
 */
export function withCountsText<V extends Record<string, string | number>>(values: V): V | (V & { counts: string }) {
  const c = packCountsSchema.safeParse(values);
  return c.success ? { ...values, counts: packCountsText(c.data) } : values;
}
