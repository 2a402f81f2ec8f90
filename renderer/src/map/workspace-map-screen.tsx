/**
 * The workspace map: every mapped seizure of every case (`seizures.mapPoints` without caseId),
 * with the case number in each popup and a link from the popup to the case.
 */
import { useMemo, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { navigate } from '../app/router';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ErrorPanel } from '../ui/states';
import { t } from '../../../shared/messages';
import { SeizureMap } from './seizure-map';
import { MapLegend } from './map-legend';

/** The workspace map screen. */
export function WorkspaceMapScreen(props: { ws: WorkspaceSummary }): ReactNode {
  const { ws } = props;
  const points = useLiveQuery('seizures.mapPoints', { workspaceId: ws.id }, { refetchOn: [projectionChanged(ws.id)] });
  const cases = useLiveQuery('cases.list', { workspaceId: ws.id }, { refetchOn: [projectionChanged(ws.id)] });
  const list = useMemo(() => points.data ?? [], [points.data]);
  const numbers = useMemo(() => new Map((cases.data ?? []).map((c) => [c.id, c.number])), [cases.data]);
  const total = (cases.data ?? []).reduce((n, c) => n + c.seizureCount, 0);
  const sectors = useMemo(() => [...new Set(list.map((p) => p.sector))], [list]);
  useDocumentTitle(t('ui.map.document-title', { workspace: ws.name }));
  return (
    <div className="page page-wide">
      <div className="page-header">
        <div className="page-header-text">
          <h1>{t('ui.map.heading')}</h1>
          <p className="page-subtitle">{t('ui.map.subtitle', { mapped: list.length, cases: cases.data?.length ?? 0 })}</p>
        </div>
      </div>
      {points.error ? <ErrorPanel error={points.error} onRetry={points.reload} /> : null}
      <div className="map-layout map-layout-tall">
        <div className="map-main">
          <SeizureMap
            label={t('ui.map.workspace-label')}
            points={list}
            extraFor={(p) => numbers.get(p.caseId)}
            onOpenSeizure={(id) => {
              const p = list.find((x) => x.id === id);
              if (p) navigate({ name: 'case', ws: ws.id, caseId: p.caseId, tab: 'seizures', seizureId: p.id });
            }}
          />
        </div>
        <MapLegend sectors={sectors} mapped={list.length} unmapped={Math.max(0, total - list.length)} routes={0} />
      </div>
    </div>
  );
}
