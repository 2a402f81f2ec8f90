/**
 * The case pack dialogs of a case page: "Export case pack" (export-pack-dialog.tsx, opened from the
 * case header's Export menu) and "Verify a case pack" (verify-pack-dialog.tsx, opened by the
 * {@link VerifyPackButton} beside it). The case header owns which one is open.
 */
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { ExportPackDialog } from './export-pack-dialog';
import { VerifyPackDialog } from './verify-pack-dialog';
import './packs.css';

/** Which pack dialog is open, if any. */
export type PackDialog = 'export' | 'verify' | null;

/** Props of {@link PackDialogs}. */
export interface PackDialogsProps {
  open: PackDialog;
  onClose: () => void;
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  tlp: string;
  doc: Y.Doc;
}

/** Whichever pack dialog is open. */
export function PackDialogs(props: PackDialogsProps): ReactNode {
  if (props.open === 'export') return <ExportPackDialog workspaceId={props.workspaceId} caseId={props.caseId} caseNumber={props.caseNumber} tlp={props.tlp} doc={props.doc} onClose={props.onClose} />;
  if (props.open === 'verify') return <VerifyPackDialog workspaceId={props.workspaceId} onClose={props.onClose} />;
  return null;
}

/** The "Verify a case pack" button. */
export function VerifyPackButton(props: { onOpen: () => void }): ReactNode {
  return (
    <button type="button" className="btn" onClick={props.onOpen} data-testid="pack-verify-open">
      <Icon name="shield" /> {t('ui.packs.verify.open')}
    </button>
  );
}
