/**
 * The app's root: provides the services, asks for the local identity on first run, then
 * routes between the workspace chooser and a workspace's screens. Error boundaries keep a fault
 * in one screen from blanking the window (ui/error-boundary.tsx); this outermost one is the last
 * resort.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { DataClient } from '../data/client';
import type { Identity } from '../../../shared/rpc/app';
import { ServicesProvider } from './services';
import { useRoute } from './router';
import { ToastProvider } from '../ui/toast';
import { Loading, ErrorPanel } from '../ui/states';
import { IdentityScreen } from '../first-run/identity-screen';
import { WorkspaceChooser } from '../first-run/workspace-chooser';
import { WorkspaceShell } from '../shell/workspace-shell';
import { ErrorBoundary } from '../ui/error-boundary';
import { ReconnectNotice } from '../platform/reconnect-notice';
import { RejectedChangeNotice } from '../data/rejected-change-notice';

/** The app, once connected. */
export function App(props: { client: DataClient }): ReactNode {
  const { client } = props;
  const [identity, setIdentity] = useState<Identity | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    client.call('identity.get', {}).then(setIdentity, setError);
  }, [client]);
  useEffect(load, [load]);

  let body: ReactNode;
  if (error) {
    body = (
      <div className="startup">
        <div className="startup-card">
          <ErrorPanel error={error} onRetry={load} />
        </div>
      </div>
    );
  } else if (identity === undefined) body = <Loading full>{t('app.loading-profile')}</Loading>;
  else if (identity === null) body = <IdentityScreen onCreated={setIdentity} />;
  else body = <Routes />;

  return (
    <ServicesProvider client={client} identity={identity ?? null}>
      <ToastProvider>
        <ReconnectNotice />
        <RejectedChangeNotice />
        <ErrorBoundary title={t('app.window-fault')} className="app-fault">
          {body}
        </ErrorBoundary>
      </ToastProvider>
    </ServicesProvider>
  );
}

function Routes(): ReactNode {
  const route = useRoute();
  if (route.name === 'home') {
    return (
      <ErrorBoundary title={t('app.screen-fault')} resetKey="home">
        <WorkspaceChooser />
      </ErrorBoundary>
    );
  }
  return <WorkspaceShell route={route} />;
}
