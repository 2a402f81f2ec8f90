/**
 * "Export CSV": the case's seizures as CSV (`export.seizuresCsv`), saved with the desktop's native
 * Save dialog in Electron or as a download in browser mode (ui/save-file-button.tsx).
 */
import type { ReactNode } from 'react';
import { useClient } from '../app/services';
import { SaveFileButton } from '../ui/save-file-button';
import { t } from '../../../shared/messages';

/** The export button of a case. */
export function ExportButton(props: { workspaceId: string; caseId: string }): ReactNode {
  const client = useClient();
  return (
    <SaveFileButton
      fetch={() => client.call('export.seizuresCsv', { workspaceId: props.workspaceId, caseId: props.caseId })}
      label={t('ui.case.export.label')}
      busyLabel={t('ui.case.export.busy')}
      done={(fileName) => t('ui.case.export.done', { fileName })}
    />
  );
}
