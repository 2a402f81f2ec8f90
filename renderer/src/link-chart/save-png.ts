/**
 * Saving the link chart as a PNG file: a download from a Blob URL (browser mode and Electron, where
 * the shell's download handling asks where to save). The desktop's `saveFile` bridge writes UTF-8
 * text only, so it cannot carry an image.
 */

/** How long the Blob URL stays valid after the click, ms. */
const REVOKE_AFTER_MS = 10_000;

/** Offers `png` for saving as `fileName`. */
export function savePng(fileName: string, png: Blob): void {
  const url = URL.createObjectURL(png);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'visually-hidden';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
