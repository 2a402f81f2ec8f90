/**
 * The map tab of a case: the case's mapped seizures (`seizures.mapPoints` for the case, or
 * clusters of the data service for a large case: remote-clusters.tsx), its
 * routes (from the case doc), popups enriched with each seizure's value and source from the
 * replica, filters, and the legend with the count of seizures that have no location. A member
 * who may edit the case can move a seizure from its popup ("Move on map", move-seizure.tsx): one
 * of the replica as it is live there, one held in a volume doc read whole through `seizures.get`
 * (refetched when the case's projection changes) and written through the data service.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { MapPoint } from '../../../shared/rpc/cases';
import type { Seizure } from '../../../shared/domain/seizure';
import type { Route } from '../../../shared/domain/route';
import { navigate } from '../app/router';
import type { LiveQuery } from '../data/use-live-query';
import { ErrorPanel } from '../ui/states';
import { MapExplorer } from './map-explorer';
import { MoveSeizure } from './move-seizure';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import { useSeizureWriteTarget } from '../case/seizure-writes';
import { t } from '../../../shared/messages';
import type { Tlp } from '../../../shared/domain/codes';
import { markedFileName } from '../../../shared/packs/handling';

const NO_POINTS: MapPoint[] = [];

/** Props of {@link CaseMapPanel}. */
export interface CaseMapPanelProps {
  /** The case's mapped seizures (a small case; unused when `remote`). */
  points: LiveQuery<MapPoint[]>;
  /** Clustered by the data service (a large case, remote-clusters.tsx): `points` is not asked for. */
  remote: boolean;
  /** The case's seizure counts from the projection (case doc and volume docs), when known. */
  counts: { seizureCount: number; mappedCount: number } | null;
  seizures: Seizure[];
  routes: Route[];
  ws: string;
  caseId: string;
  /** Names the PNG export. */
  caseNumber?: string;
  /** The case's marking: in the PNG's file name and drawn in its legend. */
  tlp: Tlp;
  /** The case doc and the member writing, for "Move on map". */
  caseDoc: CaseDoc;
  writer: Writer;
  /** True when the member may not edit the case: no "Move on map". */
  readOnly: boolean;
  /** Whether the member may set the workspace's online tile layer (workspace.settings). */
  canSetOnlineTiles: boolean;
}

/** The case map tab. */
export function CaseMapPanel(props: CaseMapPanelProps): ReactNode {
  const { points, seizures } = props;
  const details = useMemo(() => new Map(seizures.map((s) => [s.id, s])), [seizures]);
  const list = useMemo(() => points.data ?? [], [points.data]);
  // A large case's replica holds only part of its seizures: without the projection's counts it is not known.
  const unmapped = props.counts ? Math.max(0, props.counts.seizureCount - props.counts.mappedCount) : props.remote || points.data === undefined ? null : Math.max(0, seizures.length - list.length);
  const [moving, setMoving] = useState<string | null>(null);
  const to = useSeizureWriteTarget(props.caseDoc, props.writer, props.ws);
  // The live seizure (a colleague may edit it meanwhile); one without coordinates is not on the map.
  const onReplica = moving ? details.get(moving) : undefined;
  const fetched = useLiveQuery('seizures.get', moving && !onReplica ? { workspaceId: props.ws, caseId: props.caseId, seizureId: moving } : null, { refetchOn: [projectionChanged(props.ws, props.caseId)] });
  const moved = onReplica ?? (moving && fetched.data?.id === moving ? fetched.data : undefined);
  const movable = moved && moved.latitude !== null && moved.longitude !== null ? moved : null;
  return (
    <>
      {points.error ? <ErrorPanel error={points.error} onRetry={points.reload} /> : null}
      <MapExplorer
        label={t('ui.map.case-label')}
        points={props.remote ? NO_POINTS : list}
        loading={!props.remote && points.data === undefined && !points.error}
        unmapped={unmapped}
        {...(props.remote ? { remote: { workspaceId: props.ws, caseId: props.caseId } } : {})}
        details={details}
        routes={props.routes}
        pngName={markedFileName(props.caseNumber ?? 'case', 'map', props.tlp, 'png')}
        tlp={props.tlp}
        onOpenSeizure={(id) => navigate({ name: 'case', ws: props.ws, caseId: props.caseId, tab: 'seizures', seizureId: id })}
        {...(props.readOnly ? {} : { onMoveSeizure: setMoving })}
        workspace={{ id: props.ws, canSetOnlineTiles: props.canSetOnlineTiles }}
        inMap={movable && !props.readOnly ? <MoveSeizure key={movable.id} to={to} seizure={movable} onDone={() => setMoving(null)} /> : null}
        empty={
          !props.remote && !points.loading && !list.length ? (
            // With routes on the map, the note sits at its top edge instead of over them (tester B5's screenshot).
            <div className={props.routes.length ? 'map-empty map-empty-top' : 'map-empty'} role="status">
              {seizures.length ? t('ui.map.none-located', { count: seizures.length }) : t('ui.map.no-seizures')}
            </div>
          ) : null
        }
      />
    </>
  );
}
