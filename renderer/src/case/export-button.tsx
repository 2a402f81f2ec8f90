/**
 * The case's export buttons: "Export CSV" (the seizures in the public data set's columns,
 * `export.seizuresCsv`), "Export GeoJSON" and "Export KML" (seizures and routes, for GIS tools and
 * Google Earth: `export.caseGeoJson`, `export.caseKml`). Each file carries the case's TLP marking
 * inside and in its name; each is saved with the desktop's native Save dialog in Electron or as a
 * download in browser mode (ui/save-file-button.tsx).
 */
import type { ReactNode } from 'react';
import { useClient } from '../app/services';
import { SaveFileButton } from '../ui/save-file-button';
import { t } from '../../../shared/messages';

/** The export buttons of a case. */
export function ExportButton(props: { workspaceId: string; caseId: string }): ReactNode {
  const client = useClient();
  const ids = { workspaceId: props.workspaceId, caseId: props.caseId };
  const done = (fileName: string) => t('ui.case.export.done', { fileName });
  return (
    <>
      <SaveFileButton fetch={() => client.call('export.seizuresCsv', ids)} label={t('ui.case.export.label')} busyLabel={t('ui.case.export.busy')} done={done} />
      <SaveFileButton
        fetch={() => client.call('export.caseGeoJson', ids)}
        mediaType="application/geo+json;charset=utf-8"
        label={t('ui.case.export.geojson-label')}
        busyLabel={t('ui.case.export.busy')}
        done={done}
        testId="export-geojson"
      />
      <SaveFileButton
        fetch={() => client.call('export.caseKml', ids)}
        mediaType="application/vnd.google-earth.kml+xml;charset=utf-8"
        label={t('ui.case.export.kml-label')}
        busyLabel={t('ui.case.export.busy')}
        done={done}
        testId="export-kml"
      />
    </>
  );
}
