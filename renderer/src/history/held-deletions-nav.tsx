/**
 * The sidebar's "Held deletions" link for admins, with the number of deletions waiting for a
 * decision as an attention badge (nothing when none wait), so an admin sees there is something to
 * decide from any screen of the workspace. A held deletion changes nothing on this desktop (the
 * relay refused it), so besides sync status changes the count is asked again every
 * {@link BADGE_REFRESH_MS}.
 */
import { useEffect, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useLiveQuery } from '../data/use-live-query';
import { Icon } from '../ui/icons';
import { heldQueryOptions } from './held-deletions-labels';
import './held-deletions.css';

/** How often the badge asks the relay again, ms. */
export const BADGE_REFRESH_MS = 60_000;

/** The link to `#/w/<ws>/held-deletions`; `current` when that screen is shown. */
export function HeldDeletionsNavLink(props: { workspaceId: string; current: boolean }): ReactNode {
  const list = useLiveQuery('deletions.held', { workspaceId: props.workspaceId }, heldQueryOptions(props.workspaceId));
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, BADGE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const count = list.data?.held.length ?? 0;
  return (
    <a className="nav-link" href={`#/w/${props.workspaceId}/held-deletions`} aria-current={props.current ? 'page' : undefined}>
      <Icon name="shield" />
      {t('ui.held.nav')}
      {count > 0 ? (
        <span className="nav-count held-badge" title={t('ui.held.badge', { count })} aria-label={t('ui.held.badge', { count })}>
          {count}
        </span>
      ) : null}
    </a>
  );
}
