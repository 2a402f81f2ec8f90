/**
 * The case header's one "Export" menu (ui/menu-button.tsx): the seizures as CSV (the public data
 * set's columns, `export.seizuresCsv`), seizures and routes as GeoJSON and KML (for GIS tools and
 * Google Earth: `export.caseGeoJson`, `export.caseKml`), the case as a STIX 2.1 bundle for partner
 * agencies (`cases.exportStix`, docs/stix.md), and the signed case pack (opens its dialog, which
 * the caller owns). Each file carries the case's TLP marking inside and in its name and is saved
 * with the native Save dialog in Electron or as a download in browser mode (ui/use-save-file.ts).
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { MenuButton, type MenuItem } from '../ui/menu-button';
import { useSaveFile } from '../ui/use-save-file';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  workspaceId: string;
  caseId: string;
  /** Opens the "Export case pack" dialog. */
  onExportPack: () => void;
}

/** The Export menu of a case. */
export function ExportMenu(props: ExportMenuProps): ReactNode {
  const client = useClient();
  const { busy, save } = useSaveFile();
  const ids = { workspaceId: props.workspaceId, caseId: props.caseId };
  const done = (fileName: string): string => t('ui.case.export.done', { fileName });
  const items: MenuItem[] = [
    { id: 'csv', icon: 'table', label: t('ui.case.export.csv'), hint: t('ui.case.export.csv-hint'), testId: 'export-csv', onSelect: () => save({ fetch: () => client.call('export.seizuresCsv', ids), done }) },
    {
      id: 'geojson',
      icon: 'map',
      label: t('ui.case.export.geojson'),
      hint: t('ui.case.export.geojson-hint'),
      testId: 'export-geojson',
      onSelect: () => save({ fetch: () => client.call('export.caseGeoJson', ids), mediaType: 'application/geo+json;charset=utf-8', done }),
    },
    {
      id: 'kml',
      icon: 'globe',
      label: t('ui.case.export.kml'),
      hint: t('ui.case.export.kml-hint'),
      testId: 'export-kml',
      onSelect: () => save({ fetch: () => client.call('export.caseKml', ids), mediaType: 'application/vnd.google-earth.kml+xml;charset=utf-8', done }),
    },
    {
      id: 'stix',
      icon: 'link',
      label: t('ui.stix.export.item'),
      hint: t('ui.stix.export.hint'),
      testId: 'stix-export',
      onSelect: () => save({ fetch: () => client.call('cases.exportStix', ids), mediaType: 'application/stix+json;version=2.1', done: (fileName) => t('ui.stix.export.done', { fileName }) }),
    },
    { id: 'pack', icon: 'briefcase', label: t('ui.packs.export.item'), hint: t('ui.packs.export.hint'), testId: 'pack-export-open', onSelect: props.onExportPack },
  ];
  return <MenuButton label={t('ui.case.export.menu')} busyLabel={busy ? t('ui.case.export.busy') : null} icon="download" items={items} testId="export-menu" />;
}
