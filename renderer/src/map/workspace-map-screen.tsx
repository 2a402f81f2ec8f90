/**
 * The workspace map: every mapped seizure of every case (`seizures.mapPoints` without caseId, or
 * clusters of the data service when there are many: remote-clusters.tsx),
 * with the case number in each popup and a link from the popup to the case, and a case filter.
 */
import { useMemo, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { navigate } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ErrorPanel } from '../ui/states';
import { t } from '../../../shared/messages';
import { MapExplorer } from './map-explorer';
import { canIn } from '../members/use-can';
import { REMOTE_MAP_FROM } from './remote-clusters';
import type { MapPoint } from '../../../shared/rpc/cases';

const NO_POINTS: MapPoint[] = [];

/** The workspace map screen. */
export function WorkspaceMapScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  const cases = useLiveQuery('cases.list', { workspaceId: ws.id }, { refetchOn: [projectionChanged(ws.id)] });
  const mapped = cases.data ? cases.data.reduce((n, c) => n + c.mappedCount, 0) : null;
  // A large workspace's map is clustered by the data service (remote-clusters.tsx); decided once the case list is known.
  const remote = mapped === null ? null : mapped >= REMOTE_MAP_FROM;
  const points = useLiveQuery('seizures.mapPoints', remote === false ? { workspaceId: ws.id } : null, { refetchOn: [projectionChanged(ws.id)] });
  const list = useMemo(() => points.data ?? [], [points.data]);
  const numbers = useMemo(() => new Map((cases.data ?? []).map((c) => [c.id, c.number])), [cases.data]);
  const total = (cases.data ?? []).reduce((n, c) => n + c.seizureCount, 0);
  const mappedShown = remote ? (mapped ?? 0) : list.length;
  useDocumentTitle(t('ui.map.document-title', { workspace: ws.name }));
  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-text">
          <h1>{t('ui.map.heading')}</h1>
          <p className="page-subtitle">{t('ui.map.subtitle', { mapped: mappedShown, cases: cases.data?.length ?? 0 })}</p>
        </div>
      </div>
      {points.error ? <ErrorPanel error={points.error} onRetry={points.reload} /> : null}
      {remote === null ? null : (
      <MapExplorer
        tall
        label={t('ui.map.workspace-label')}
        points={remote ? NO_POINTS : list}
        loading={!remote && points.data === undefined && !points.error}
        {...(remote ? { remote: { workspaceId: ws.id } } : {})}
        unmapped={Math.max(0, total - mappedShown)}
        caseNumbers={numbers}
        pngName={`${ws.name}-map.png`}
        workspace={{ id: ws.id, canSetOnlineTiles: canIn(ws, 'workspace.settings') }}
        extraFor={(p) => numbers.get(p.caseId)}
        onOpenSeizure={(id, caseId) => navigate({ name: 'case', ws: ws.id, caseId, tab: 'seizures', seizureId: id })}
      />
      )}
    </div>
  );
}
