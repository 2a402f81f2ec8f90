/**
 * A button that asks the data service for a text file and saves it — the native "Save as" in
 * Electron, a download in browser mode (nothing leaves the machine either way) — then says where
 * it went, or shows the error in a toast. The case's "Export CSV" and "Export STIX 2.1" are two
 * of them.
 */
import { useState, type ReactNode } from 'react';
import { saveTextFile } from '../platform/save-text-file';
import { Icon } from './icons';
import { describeError } from './states';
import { useToast } from './toast';

/** Props of {@link SaveFileButton}. All sentences come from the catalogue (the caller's `t()`). */
export interface SaveFileButtonProps {
  /** Fetches the file: its name and text. */
  fetch: () => Promise<{ fileName: string; content: string }>;
  /** Its media type for the browser download (default CSV as saveTextFile's). */
  mediaType?: string;
  label: string;
  busyLabel: string;
  /** The toast after saving, from the file name. */
  done: (fileName: string) => string;
  testId?: string;
}

/** The button. */
export function SaveFileButton(props: SaveFileButtonProps): ReactNode {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    props
      .fetch()
      .then((r) => saveTextFile(r.fileName, r.content, ...(props.mediaType ? [props.mediaType] : [])).then((saved) => saved && toast(props.done(r.fileName))))
      .catch((err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      })
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="btn" onClick={run} disabled={busy} {...(props.testId ? { 'data-testid': props.testId } : {})}>
      <Icon name="download" /> {busy ? props.busyLabel : props.label}
    </button>
  );
}
