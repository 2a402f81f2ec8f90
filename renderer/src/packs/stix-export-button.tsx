/**
 * "Export STIX 2.1" on a case: the case's STIX 2.1 bundle (`cases.exportStix`, docs/stix.md),
 * saved with the native "Save as" in Electron or as a download in browser mode
 * (ui/save-file-button.tsx). The file name carries the case number and its TLP marking.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { SaveFileButton } from '../ui/save-file-button';

/** The button; `caseId` is the case to export from workspace `workspaceId`. */
export function StixExportButton(props: { workspaceId: string; caseId: string }): ReactNode {
  const client = useClient();
  return (
    <SaveFileButton
      fetch={() => client.call('cases.exportStix', { workspaceId: props.workspaceId, caseId: props.caseId })}
      mediaType="application/stix+json;version=2.1"
      label={t('ui.stix.export.label')}
      busyLabel={t('ui.stix.export.busy')}
      done={(fileName) => t('ui.stix.export.done', { fileName })}
      testId="stix-export"
    />
  );
}
