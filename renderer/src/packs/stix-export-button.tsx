/**
 * "Export STIX 2.1" on a case: asks the data service for the case's STIX 2.1 bundle
 * (`cases.exportStix`, docs/stix.md) and saves it — the native "Save as" in Electron, a download
 * in browser mode. The file name carries the case number and its TLP marking.
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { saveTextFile } from '../platform/save-text-file';
import { Icon } from '../ui/icons';
import { describeError } from '../ui/states';
import { useToast } from '../ui/toast';

/** The button; `caseId` is the case to export from workspace `workspaceId`. */
export function StixExportButton(props: { workspaceId: string; caseId: string }): ReactNode {
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    client
      .call('cases.exportStix', { workspaceId: props.workspaceId, caseId: props.caseId })
      .then((r) => saveTextFile(r.fileName, r.content, 'application/stix+json;version=2.1').then((saved) => saved && toast(t('ui.stix.export.done', { fileName: r.fileName }))))
      .catch((err: unknown) => {
        const d = describeError(err);
        toast(`${d.title} ${d.detail}`.trim(), 'error');
      })
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="btn" onClick={run} disabled={busy} data-testid="stix-export">
      <Icon name="download" /> {busy ? t('ui.stix.export.busy') : t('ui.stix.export.label')}
    </button>
  );
}
