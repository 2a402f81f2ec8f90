/**
 * The kind of the lines of an imported file: as read from the file (a GPX track or a timed KML
 * gx:Track is a patrol track, a drawn line a suspected trafficking route: geo-reader.ts), or all
 * of them one kind. The choice goes into the import request (`routeKind`) and re-runs the preview.
 */
import type { ReactNode } from 'react';
import type { RouteKind } from '../../../shared/domain/route';
import type { ImportReport } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';

/** 'auto' (as read from the file) or a kind for every line. */
export type RouteKindPick = 'auto' | RouteKind;

/** Props of {@link RouteKindChoice}. */
export interface RouteKindChoiceProps {
  /** The dry run's report: `routes` and `patrolRoutes` give the counts shown for 'auto'. */
  report: Pick<ImportReport, 'routes' | 'patrolRoutes'>;
  value: RouteKindPick;
  onChange: (pick: RouteKindPick) => void;
  /** True while a preview re-runs. */
  disabled?: boolean;
}

/** A labelled select of the route kind (see the module comment). */
export function RouteKindChoice(props: RouteKindChoiceProps): ReactNode {
  const patrol = props.report.patrolRoutes ?? 0;
  // The counts describe the file as read only while nothing else is chosen.
  const auto = props.value === 'auto' ? t('ui.import.route-kind-auto', { patrol, trafficking: props.report.routes - patrol }) : t('ui.import.route-kind-auto-plain');
  return (
    <label className="row small import-route-kind">
      {t('ui.import.route-kind-label')}
      <select
        className="select select-sm"
        data-testid="route-kind"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value === 'patrol' || e.target.value === 'trafficking' ? e.target.value : 'auto')}
      >
        <option value="auto">{auto}</option>
        <option value="patrol">{t('ui.import.route-kind-patrol')}</option>
        <option value="trafficking">{t('ui.import.route-kind-trafficking')}</option>
      </select>
    </label>
  );
}
