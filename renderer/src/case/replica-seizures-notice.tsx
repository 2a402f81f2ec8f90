/**
 * Says, on a tab that still reads the window's replica of the case doc (timeline, entities, link
 * chart, exhibits), that it shows only the seizures the case doc holds — at most 1,000 — when the
 * case has more in its volume docs (issue 11 item 4). A tab never implies it lists the whole case
 * when it does not; the Seizures tab, the map and the key figures read every seizure.
 */
import type { ReactNode } from 'react';
import { Notice } from '../ui/states';
import { t } from '../../../shared/messages';

/**
 * The notice for `shown` seizures on the tab out of the case's `total` (from the projection; null
 * while unknown). Nothing when the total is unknown or the tab shows them all.
 */
export function ReplicaSeizuresNotice(props: { shown: number; total: number | null }): ReactNode {
  if (props.total === null || props.total <= props.shown) return null;
  return (
    <div data-testid="replica-seizures-notice">
      <Notice kind="info">{t('ui.case.replica-share', { shown: props.shown, total: props.total })}</Notice>
    </div>
  );
}
