/**
 * Saving the link chart as a PNG file. In Electron the bytes go to main through the validated
 * `savePng` bridge (electron/main/save-png-ipc.ts: a native "Save as" dialog, written as binary);
 * in browser mode the page offers a download from a Blob URL.
 */
import { desktopApi } from '../platform/desktop';
import { downloadBlob } from '../platform/save-text-file';


/**
 * Offers `png` for saving as `fileName` (which must end in .png for the desktop bridge).
 * Resolves to true when saved or offered for download, false when the user cancelled the dialog.
 * @throws the bridge's RpcError-like rejection when main refuses or cannot write the file.
 */
export async function savePng(fileName: string, png: Blob): Promise<boolean> {
  const api = desktopApi();
  if (api) return (await api.savePng(fileName, new Uint8Array(await png.arrayBuffer()))) !== null;
  downloadBlob(fileName, png);
  return true;
}
