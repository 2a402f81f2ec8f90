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
import { OnboardingLayout } from './onboarding-layout';
import { NewWorkspaceForm } from './new-workspace-form';
import { DataSources } from './data-sources';
import { JoinWorkspaceBanner } from '../members/join-launchers';
import { t } from '../../../shared/messages';

/** The workspace chooser. */
export function WorkspaceChooser(): ReactNode {
  const list = useLiveQuery('workspaces.list', {}, { refetchOn: ['workspaces.changed'] });
  const workspaces = list.data ?? [];
  const hasOwn = workspaces.length > 0;
  const demoListed = workspaces.some((w) => w.demo && !w.problem);
  useDocumentTitle(t('ui.first-run.workspaces-title'));

  return (
    <OnboardingLayout step={hasOwn ? null : 2}>
      <div className="chooser">
        <h2>{hasOwn ? t('ui.first-run.open-heading') : t('ui.first-run.choose-heading')}</h2>
        <p className="onboarding-lead">
          {hasOwn
            ? t('ui.first-run.open-lead')
            : t('ui.first-run.choose-lead')}
        </p>
        {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading>{t('ui.first-run.looking')}</Loading> : null}
        {hasOwn ? (
          <ul className="workspace-list" aria-label={t('ui.first-run.workspace-list')}>
            {workspaces.map((w) => (
              <WorkspaceRow key={w.id} ws={w} />
            ))}
          </ul>
        ) : null}
        <JoinWorkspaceBanner />
        {hasOwn ? <h3 className="chooser-subtitle">{demoListed ? t('ui.first-run.or-new-workspace') : t('ui.first-run.or-something-new')}</h3> : null}
        <div className={`chooser-grid${demoListed ? ' chooser-grid-single' : ''}`}>
          <section className="card chooser-card" aria-labelledby="new-ws-title">
            <div className="card-body">
              <h3 id="new-ws-title">{t('ui.first-run.create-card-heading')}</h3>
              <p className="chooser-card-text">{t('ui.first-run.create-card-text')}</p>
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
            {w.problem ?? t('ui.first-run.workspace-line', { count: w.caseCount, prefix: w.casePrefix, currency: w.reportingCurrency, role: MEMBER_ROLE_LABELS[w.role] })}
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
        <h3 id="demo-title">{t('ui.first-run.demo-heading')}</h3>
        <p className="chooser-card-text">{t('ui.first-run.demo-text')}</p>
        <DataSources compact />
        {error ? <ErrorPanel error={error} /> : null}
        <button type="button" className="btn chooser-demo-button" onClick={open} disabled={busy}>
          <Icon name="book" />
          {busy ? t('ui.first-run.preparing-demo') : t('ui.first-run.open-demo')}
        </button>
      </div>
    </section>
  );
}
