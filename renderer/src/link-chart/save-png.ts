/**
 * Saving the link chart as a PNG file. In Electron the bytes go to main through the validated
 * `savePng` bridge (electron/main/save-png-ipc.ts: a native "Save as" dialog, written as binary);
 * in browser mode the page offers a download from a Blob URL.
 */
import { desktopApi } from '../platform/desktop';

/** How long the Blob URL stays valid after the click, ms. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Offers `png` for saving as `fileName` (which must end in .png for the desktop bridge).
 * Resolves to true when saved or offered for download, false when the user cancelled the dialog.
 * @throws the bridge's RpcError-like rejection when main refuses or cannot write the file.
 */
export async function savePng(fileName: string, png: Blob): Promise<boolean> {
  const api = desktopApi();
  if (api) return (await api.savePng(fileName, new Uint8Array(await png.arrayBuffer()))) !== null;
  const url = URL.createObjectURL(png);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'visually-hidden';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return true;
}
