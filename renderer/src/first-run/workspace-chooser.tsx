/**
 * First run, step 2 (and the home screen later): open a workspace on this computer, join one
 * with an invitation, create a new one, or open the demo workspace built from publicly reported
 * seizures.
 */
import { useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/rpc/app';
import { MEMBER_ROLE_LABELS } from '../../../shared/domain/codes';
import { useClient } from '../app/services';
import { navigate } from '../app/router';
import { useLiveQuery } from '../data/use-live-query';
import { useDocumentTitle } from '../hooks/use-document-title';
import { Icon } from '../ui/icons';
import { ErrorPanel, Loading } from '../ui/states';
import { formatCount } from '../format/numbers';
import { OnboardingLayout } from './onboarding-layout';
import { NewWorkspaceForm } from './new-workspace-form';
import { DataSources } from './data-sources';
import { JoinWorkspaceBanner } from '../members/join-launchers';

/** The workspace chooser. */
export function WorkspaceChooser(): ReactNode {
  const list = useLiveQuery('workspaces.list', {}, { refetchOn: ['workspaces.changed'] });
  const workspaces = list.data ?? [];
  const hasOwn = workspaces.length > 0;
  const demoListed = workspaces.some((w) => w.demo && !w.problem);
  useDocumentTitle('Workspaces');

  return (
    <OnboardingLayout step={hasOwn ? null : 2}>
      <div className="chooser">
        <h2>{hasOwn ? 'Open a workspace' : 'Choose a workspace'}</h2>
        <p className="onboarding-lead">
          {hasOwn
            ? 'Pick up where you left off, or start a new workspace for another task force.'
            : 'A workspace holds the cases of one task force. Create one for your team, or explore the demo built from real, publicly reported seizures.'}
        </p>
        {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading>Looking for workspaces on this computer…</Loading> : null}
        {hasOwn ? (
          <ul className="workspace-list" aria-label="Workspaces on this computer">
            {workspaces.map((w) => (
              <WorkspaceRow key={w.id} ws={w} />
            ))}
          </ul>
        ) : null}
        <JoinWorkspaceBanner />
        {hasOwn ? <h3 className="chooser-subtitle">{demoListed ? 'Or start a new workspace' : 'Or start something new'}</h3> : null}
        <div className={`chooser-grid${demoListed ? ' chooser-grid-single' : ''}`}>
          <section className="card chooser-card" aria-labelledby="new-ws-title">
            <div className="card-body">
              <h3 id="new-ws-title">Create a workspace</h3>
              <p className="chooser-card-text">For your task force’s own cases. You become its administrator.</p>
              <NewWorkspaceForm onCreated={(w) => navigate({ name: 'cases', ws: w.id })} />
            </div>
          </section>
          {demoListed ? null : <DemoCard />}
        </div>
      </div>
    </OnboardingLayout>
  );
}

function WorkspaceRow(props: { ws: WorkspaceSummary }): ReactNode {
  const w = props.ws;
  return (
    <li>
      <a className={`workspace-row${w.problem ? ' workspace-row-problem' : ''}`} href={w.problem ? undefined : `#/w/${w.id}`} aria-disabled={w.problem ? true : undefined}>
        <span className="workspace-row-icon">
          <Icon name={w.demo ? 'book' : 'folder'} />
        </span>
        <span className="grow">
          <span className="workspace-row-name">
            {w.name} {w.demo ? <span className="tag tag-accent">DEMO</span> : null}
          </span>
          <span className="workspace-row-meta">
            {w.problem ?? `${formatCount(w.caseCount)} case${w.caseCount === 1 ? '' : 's'} · prefix ${w.casePrefix} · ${w.reportingCurrency} · ${MEMBER_ROLE_LABELS[w.role]}`}
          </span>
        </span>
        {w.problem ? <Icon name="alert" /> : <Icon name="chevron-right" />}
      </a>
    </li>
  );
}

function DemoCard(): ReactNode {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = (): void => {
    setBusy(true);
    setError(null);
    client.call('workspaces.openDemo', {}).then(
      (w) => navigate({ name: 'cases', ws: w.id }),
      (err: unknown) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  return (
    <section className="card chooser-card chooser-demo" aria-labelledby="demo-title">
      <div className="card-body">
        <h3 id="demo-title">Explore the demo workspace</h3>
        <p className="chooser-card-text">59 real seizures from public reports (2012–2025) in 6 cases: wildlife, timber, fisheries, mining, waste and ozone-depleting substances.</p>
        <DataSources compact />
        {error ? <ErrorPanel error={error} /> : null}
        <button type="button" className="btn chooser-demo-button" onClick={open} disabled={busy}>
          <Icon name="book" />
          {busy ? 'Preparing the demo…' : 'Open the demo workspace'}
        </button>
      </div>
    </section>
  );
}
