/**
 * "Export CSV": asks the data service for the case's seizures as CSV (`export.seizuresCsv`)
 * and saves it — with the desktop's native Save dialog in Electron, or as a download from a
 * Blob URL in browser mode (nothing leaves the machine either way).
 */
import { useState, type ReactNode } from 'react';
import { useClient } from '../app/services';
import { saveTextFile } from '../platform/save-text-file';
import { Icon } from '../ui/icons';
import { useToast } from '../ui/toast';
import { describeError } from '../ui/states';
import { t } from '../../../shared/messages';

/** The export button of a case. */
export function ExportButton(props: { workspaceId: string; caseId: string }): ReactNode {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    client
      .call('export.seizuresCsv', { workspaceId: props.workspaceId, caseId: props.caseId })
      .then((r) => saveTextFile(r.fileName, r.content).then((saved) => saved && toast(t('ui.case.export.done', { fileName: r.fileName }))))
      .catch((err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      })
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="btn" onClick={run} disabled={busy}>
      <Icon name="download" /> {busy ? t('ui.case.export.busy') : t('ui.case.export.label')}
    </button>
  );
}
