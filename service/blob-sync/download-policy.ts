/**
 * Which files a desktop downloads without being asked, and the per-member "keep files offline"
 * setting that decides it. A case kept offline downloads every file eagerly (field teams work
 * without a connection). Otherwise a file downloads when it is opened (`files.fetch`), except
 * images up to {@link EAGER_IMAGE_BYTES}, fetched eagerly so the files list can show thumbnails.
 *
 * "Keep offline" is this member's choice on this desktop, not a fact about the case: it lives in
 * the workspace's local settings (key `keepOffline`: case ids), never in the shared docs.
 */
import type { AttachedFile } from '../../shared/domain/attached-file';

/** Largest image downloaded eagerly for its thumbnail, bytes. */
export const EAGER_IMAGE_BYTES = 5 * 1024 * 1024;

/** The local settings this module reads and writes (WorkspaceStore's). */
export interface LocalSettings {
  getSetting<T>(key: string, fallback: T): T;
  setSetting(key: string, value: unknown): void;
}

const KEY = 'keepOffline';

/** True when this member keeps the case's files offline on this desktop. */
export function isKeptOffline(settings: LocalSettings, caseId: string): boolean {
  return settings.getSetting<string[]>(KEY, []).includes(caseId);
}

/** Marks or unmarks a case "keep files offline" (local setting). */
export function setKeptOffline(settings: LocalSettings, caseId: string, keep: boolean): void {
  const now = new Set(settings.getSetting<string[]>(KEY, []));
  if (keep) now.add(caseId);
  else now.delete(caseId);
  settings.setSetting(KEY, [...now].sort());
}

/** True when `file` is downloaded without being opened (`keepOffline`: the case's setting). */
export function downloadsEagerly(file: Pick<AttachedFile, 'mediaType' | 'size'>, keepOffline: boolean): boolean {
  return keepOffline || (file.mediaType.startsWith('image/') && file.size <= EAGER_IMAGE_BYTES);
}
