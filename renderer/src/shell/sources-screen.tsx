/**
 * "About the data": the sources of the bundled data, the app version, run mode and data folder.
 */
import type { ReactNode } from 'react';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { DataSources } from '../first-run/data-sources';
import { t } from '../../../shared/messages';

/** The about-the-data page. */
export function SourcesScreen(): ReactNode {
  const info = useLiveQuery('app.info', {});
  useDocumentTitle(t('ui.shell.about-data'));
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-text">
          <h1>{t('ui.shell.about-data')}</h1>
          <p className="page-subtitle">{t('ui.shell.about-subtitle')}</p>
        </div>
      </div>
      <div className="card">
        <div className="card-body">
          <DataSources />
        </div>
      </div>
      {info.data ? (
        <div className="card section">
          <div className="card-body">
            <dl className="details">
              <dt>{t('ui.shell.version')}</dt>
              <dd>{t('ui.shell.version-value', { version: info.data.version })}</dd>
              <dt>{t('ui.shell.running-as')}</dt>
              <dd>{info.data.mode === 'electron' ? t('ui.shell.mode-desktop') : t('ui.shell.mode-browser')}</dd>
              <dt>{t('ui.shell.data-folder')}</dt>
              <dd className="mono">{info.data.dataDir}</dd>
            </dl>
          </div>
        </div>
      ) : null}
    </div>
  );
}
