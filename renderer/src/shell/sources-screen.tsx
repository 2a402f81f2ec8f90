/**
 * "About the data": the sources of the bundled data, the app version, run mode and data folder.
 */
import type { ReactNode } from 'react';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { DataSources } from '../first-run/data-sources';

/** The about-the-data page. */
export function SourcesScreen(): ReactNode {
  const info = useLiveQuery('app.info', {});
  useDocumentTitle('About the data');
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-text">
          <h1>About the data</h1>
          <p className="page-subtitle">Where bundled reference data comes from, and where this computer keeps your workspaces.</p>
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
              <dt>Version</dt>
              <dd>NEST Desk {info.data.version}</dd>
              <dt>Running as</dt>
              <dd>{info.data.mode === 'electron' ? 'Desktop app' : 'Browser mode (local host on 127.0.0.1)'}</dd>
              <dt>Data folder</dt>
              <dd className="mono">{info.data.dataDir}</dd>
            </dl>
          </div>
        </div>
      ) : null}
    </div>
  );
}
