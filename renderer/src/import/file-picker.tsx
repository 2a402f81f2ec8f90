/**
 * The first step of the import dialog: a drop-zone styled label around an <input type=file> (so
 * it works in Electron too) for CSV, TSV, KML, GPX and GeoJSON files.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { formatMegabytes, MAX_IMPORT_BYTES } from './read-file';

/** Marks where the command goes in the catalogue sentence (it is drawn as code). */
const COMMAND = '\u0000';

/** The file picker; `onPick` gets the chosen file. */
export function FilePicker(props: { onPick: (f: File) => void }): ReactNode {
  const [before, after] = t('ui.import.choose-text', { megabytes: formatMegabytes(MAX_IMPORT_BYTES), command: COMMAND }).split(COMMAND);
  return (
    <label className="dropzone">
      <span className="dropzone-icon">
        <Icon name="upload" size={22} />
      </span>
      <span className="dropzone-title">{t('ui.import.choose-title')}</span>
      <span className="dropzone-text">
        {before}
        <code>npm run import</code>
        {after}
      </span>
      <span className="btn btn-primary">{t('ui.import.browse')}</span>
      <input
        type="file"
        className="visually-hidden"
        accept=".csv,.tsv,.txt,.kml,.kmz,.gpx,.geojson,.json,text/csv,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/geo+json"
        aria-label={t('ui.import.file-label')}
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) props.onPick(f);
          e.target.value = '';
        }}
      />
    </label>
  );
}
