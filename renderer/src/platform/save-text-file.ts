/**
 * Saving a text file the user asked for (an export, an invitation): the native "Save as" dialog
 * in Electron, a download from a Blob URL in browser mode. Nothing leaves the machine either way.
 */
import { desktopApi } from './desktop';

/** How long a download's Blob URL stays valid after the click, in ms (the browser reads it meanwhile). */
const REVOKE_AFTER_MS = 10_000;

/**
 * Browser mode: offers `blob` as a download named `fileName` (a hidden link to a Blob URL, revoked
 * after {@link REVOKE_AFTER_MS}). The one download path of the renderer: text exports, PNGs, packs.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'visually-hidden';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Saves `content` (UTF-8) as `fileName`. Resolves to false when the user cancelled the Save
 * dialog (Electron), true otherwise.
 * @throws Error when the desktop could not write the file.
 */
export async function saveTextFile(fileName: string, content: string, mime = 'text/csv;charset=utf-8'): Promise<boolean> {
  const api = desktopApi();
  if (api) return (await api.saveFile(fileName, content)) !== null;
  downloadBlob(fileName, new Blob([content], { type: mime }));
  return true;
}
