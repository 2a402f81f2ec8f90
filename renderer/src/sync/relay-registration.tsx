/**
 * What the relay operator must do before the relay accepts this workspace (admins): run the
 * exact `add-workspace` command, which carries only the workspace's public key (safe to send),
 * then the admin presses Retry. Open while the workspace has never synced or is refused;
 * folded away once it syncs.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { RelayRegistration as Registration } from '../../../shared/rpc/sync';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';

/** The registration panel. `open`: unfolded (needed now). */
export function RelayRegistration(props: { registration: Registration; workspaceId: string; open: boolean }): ReactNode {
  const { registration } = props;
  return (
    <details className="relay-register" open={props.open} data-testid="relay-registration">
      <summary>
        <Icon name="chevron-right" size={14} className="chev" />
        <span className="grow">{t('sync.register.title')}</span>
        {props.open ? <span className="tag tag-warning">{t('sync.register.needed')}</span> : <span className="tag tag-success">{t('sync.register.done')}</span>}
      </summary>
      <div className="relay-register-body">
        <ol className="relay-steps">
          <li>
            <span className="relay-step-num">1</span>
            <div className="grow">
              <p className="relay-step-text">
                {t('sync.register.step1-a')} <strong>{t('sync.register.step1-public')}</strong> {t('sync.register.step1-b')} <span className="mono">--data-dir</span>{' '}
                {t('sync.register.step1-c')}
              </p>
              <div className="code-block">
                <code data-testid="register-command">{registration.registerCommand}</code>
                <CopyButton text={registration.registerCommand} what={t('sync.register.command')} />
              </div>
              <div className="relay-key-facts">
                <span>
                  {t('sync.register.workspace-id')} <span className="mono">{props.workspaceId}</span>
                </span>
                <span>
                  {t('sync.register.key-id')} <span className="mono">{registration.keyId}</span>
                </span>
              </div>
            </div>
          </li>
          <li>
            <span className="relay-step-num">2</span>
            <p className="relay-step-text grow">
              {t('sync.register.step2-a')} <strong>{t('sync.action.retry')}</strong> {t('sync.register.step2-b')}
            </p>
          </li>
        </ol>
      </div>
    </details>
  );
}
