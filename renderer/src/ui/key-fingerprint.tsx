/**
 * A workspace key's fingerprint as the app words it everywhere (the Workspace key card, the
 * verify dialog): the catalogue's label and the key's RFC 7638 thumbprint, exactly as
 * `npm run verify` prints it, so a reader can compare the two character by character.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import './key-fingerprint.css';

/** "Workspace key fingerprint: <kid>"; `children` follow on the same line (e.g. a copy button). */
export function KeyFingerprint(props: { kid: string; children?: ReactNode }): ReactNode {
  return (
    <span className="key-fingerprint">
      <span className="key-fingerprint-label">{t('ui.wskey.fingerprint')}:</span> <code className="mono" data-testid="key-fingerprint">{props.kid}</code>
      {props.children}
    </span>
  );
}
