/**
 * What the relay operator must do before the relay accepts this workspace (admins): run the
 * exact `add-workspace` command, which carries only the workspace's public key (safe to send),
 * then the admin presses Retry. Open while the workspace has never synced or is refused;
 * folded away once it syncs.
 */
import type { ReactNode } from 'react';
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
        <span className="grow">Register this workspace on the relay</span>
        {props.open ? <span className="tag tag-warning">Needed once</span> : <span className="tag tag-success">Done</span>}
      </summary>
      <div className="relay-register-body">
        <ol className="relay-steps">
          <li>
            <span className="relay-step-num">1</span>
            <div className="grow">
              <p className="relay-step-text">
                Send this command to your relay operator. It holds only the workspace’s <strong>public</strong> key, so it is safe to send by e-mail; the private key never leaves this computer. They run it in the relay’s folder (adding <span className="mono">--data-dir</span> if
                their relay keeps its data elsewhere).
              </p>
              <div className="code-block">
                <code data-testid="register-command">{registration.registerCommand}</code>
                <CopyButton text={registration.registerCommand} what="the relay operator’s command" />
              </div>
              <div className="relay-key-facts">
                <span>
                  Workspace id <span className="mono">{props.workspaceId}</span>
                </span>
                <span>
                  Key id (kid) <span className="mono">{registration.keyId}</span>
                </span>
              </div>
            </div>
          </li>
          <li>
            <span className="relay-step-num">2</span>
            <p className="relay-step-text grow">When the operator confirms, press <strong>Retry</strong> below. Members you invite can join from then on.</p>
          </li>
        </ol>
      </div>
    </details>
  );
}
