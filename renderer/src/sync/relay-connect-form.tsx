/**
 * "Connect to relay" (admins): the relay address, checked as it is typed and again by the data
 * service, then `sync.connect`, which creates the workspace's signing key on first use and
 * returns what the relay operator must register.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { RelayRegistration } from '../../../shared/rpc/sync';
import { useClient } from '../app/services';
import { RpcError } from '../data/rpc-error';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { ErrorPanel } from '../ui/states';
import { checkRelayAddress } from './relay-address';

/** The connect form; `onConnected` gets the operator's registration. */
export function RelayConnectForm(props: { workspaceId: string; onConnected: (r: RelayRegistration) => void }): ReactNode {
  const client = useClient();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const check = address.trim() ? checkRelayAddress(address) : null;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const c = checkRelayAddress(address);
    if (!c.ok) {
      setError(c.message);
      return;
    }
    setError(null);
    setFailure(null);
    setBusy(true);
    client.call('sync.connect', { workspaceId: props.workspaceId, relayUrl: c.url }).then(props.onConnected, (err: unknown) => {
      setBusy(false);
      if (err instanceof RpcError && err.issues.some((i) => i.field === 'relayUrl')) setError(err.issues.find((i) => i.field === 'relayUrl')!.message);
      else setFailure(err);
    });
  };

  const hint =
    check?.ok && !check.secure && !check.loopback
      ? t('sync.connect.hint-unencrypted')
      : t('sync.connect.hint');

  return (
    <form onSubmit={submit} noValidate aria-label={t('sync.connect.label')}>
      <p className="relay-intro">{t('sync.connect.intro')}</p>
      {failure ? <ErrorPanel error={failure} /> : null}
      <div className="relay-connect">
        <Field label={t('sync.connect.address')} error={error ?? undefined} hint={hint}>
          {(c) => (
            <input
              className="input mono"
              {...c}
              value={address}
              placeholder="wss://relay.example.org"
              spellCheck={false}
              autoComplete="url"
              onChange={(e) => {
                setAddress(e.target.value);
                if (error) {
                  const again = checkRelayAddress(e.target.value);
                  setError(again.ok ? null : again.message);
                }
              }}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          <Icon name="link" /> {busy ? t('sync.connect.busy') : t('sync.connect.label')}
        </button>
      </div>
    </form>
  );
}
