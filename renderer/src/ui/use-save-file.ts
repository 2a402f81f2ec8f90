/**
 * Saving a text file the data service made: asks for it, saves it — the native "Save as" in
 * Electron, a download in browser mode (nothing leaves the machine either way) — then says where it
 * went in a toast, or shows the error in one. The case's Export menu (case/export-menu.tsx) runs
 * each of its file exports (CSV, GeoJSON, KML, STIX 2.1) through it.
 */
import { useState } from 'react';
import { saveTextFile } from '../platform/save-text-file';
import { describeError } from './states';
import { useToast } from './toast';

/** One file to save. All sentences come from the catalogue (the caller's `t()`). */
export interface SaveFileSpec {
  /** Fetches the file: its name and text. Rejects with the service's error. */
  fetch: () => Promise<{ fileName: string; content: string }>;
  /** Its media type for the browser download (default CSV as saveTextFile's). */
  mediaType?: string;
  /** The toast after saving, from the file name. */
  done: (fileName: string) => string;
}

/**
 * The saver: `busy` is true while a file is being fetched or saved; `save(spec)` starts one (it
 * never rejects: a failure becomes an error toast).
 */
export function useSaveFile(): { busy: boolean; save: (spec: SaveFileSpec) => void } {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const save = (spec: SaveFileSpec): void => {
    setBusy(true);
    spec
      .fetch()
      .then((r) => saveTextFile(r.fileName, r.content, ...(spec.mediaType ? [spec.mediaType] : [])).then((saved) => saved && toast(spec.done(r.fileName))))
      .catch((err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      })
      .finally(() => setBusy(false));
  };
  return { busy, save };
}
