/**
 * The ways into "Join a workspace": a banner on the workspace chooser, a line under the
 * first-run identity form (joining sets up the identity from the invitation), and a sidebar
 * entry in the workspace switcher. Each opens the join dialog and, once joined, opens the
 * workspace, whose cases then sync in.
 */
import { useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { navigate } from '../app/router';
import { Icon } from '../ui/icons';
import { JoinDialog } from './join-dialog';
import './members.css';
import { t } from '../../../shared/messages';

function useJoin(onJoined?: (w: WorkspaceSummary) => void): { open: () => void; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  const dialog = open ? (
    <JoinDialog
      onClose={() => setOpen(false)}
      onJoined={(w) => {
        setOpen(false);
        navigate({ name: 'cases', ws: w.id });
        onJoined?.(w);
      }}
    />
  ) : null;
  return { open: () => setOpen(true), dialog };
}

/** The chooser's "Join a workspace" banner. */
export function JoinWorkspaceBanner(): ReactNode {
  const join = useJoin();
  return (
    <section className="card join-banner" aria-labelledby="join-ws-title">
      <span className="join-banner-icon" aria-hidden="true">
        <Icon name="users" size={20} />
      </span>
      <span className="grow">
        <h3 id="join-ws-title" className="join-banner-title">
          {t('ui.members.banner-title')}
        </h3>
        <p className="join-banner-text">{t('ui.members.banner-text')}</p>
      </span>
      <button type="button" className="btn" onClick={join.open}>
        <Icon name="link" /> {t('ui.members.join-a-workspace')}
      </button>
      {join.dialog}
    </section>
  );
}

/**
 * The first-run line "Joining with an invitation?"; `onJoined` runs after the workspace was joined
 * (the identity now exists). `disabled` while the identity form is being saved: the screen is about
 * to give way to the workspace chooser, and a dialog opened now would vanish with it.
 */
export function JoinInstead(props: { onJoined: (w: WorkspaceSummary) => void; disabled?: boolean }): ReactNode {
  const join = useJoin(props.onJoined);
  return (
    <div className="join-inline">
      <p className="grow">
        <strong>{t('ui.members.joining-question')}</strong> {t('ui.members.joining-question-text')}
      </p>
      <button type="button" className="btn" onClick={join.open} disabled={props.disabled ?? false}>
        <Icon name="link" /> {t('ui.members.join-a-workspace')}
      </button>
      {join.dialog}
    </div>
  );
}

/** The sidebar entry (workspace switcher). */
export function JoinNavButton(): ReactNode {
  const join = useJoin();
  return (
    <>
      <button type="button" className="nav-link" onClick={join.open}>
        <Icon name="link" />
        {t('ui.members.join-a-workspace')}
      </button>
      {join.dialog}
    </>
  );
}
