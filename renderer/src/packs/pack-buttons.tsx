/**
 * The case pack actions of a case page: "Export case pack" and "Verify a case pack", each
 * opening its dialog (export-pack-dialog.tsx, verify-pack-dialog.tsx), and "Export STIX 2.1" (the
 * case alone as a STIX bundle for partner agencies, stix-export-button.tsx).
 */
import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { ExportPackDialog } from './export-pack-dialog';
import { StixExportButton } from './stix-export-button';
import { VerifyPackDialog } from './verify-pack-dialog';
import './packs.css';

/** Props of {@link PackButtons}. */
export interface PackButtonsProps {
  workspaceId: string;
  caseId: string;
  caseNumber: string;
  tlp: string;
  doc: Y.Doc;
}

/** The three buttons and whichever dialog is open. */
export function PackButtons(props: PackButtonsProps): ReactNode {
  const [open, setOpen] = useState<'export' | 'verify' | null>(null);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen('export')} data-testid="pack-export-open">
        <Icon name="briefcase" /> {t('ui.packs.export.open')}
      </button>
      <button type="button" className="btn" onClick={() => setOpen('verify')} data-testid="pack-verify-open">
        <Icon name="shield" /> {t('ui.packs.verify.open')}
      </button>
      <StixExportButton workspaceId={props.workspaceId} caseId={props.caseId} />
      {open === 'export' ? <ExportPackDialog workspaceId={props.workspaceId} caseId={props.caseId} caseNumber={props.caseNumber} tlp={props.tlp} doc={props.doc} onClose={() => setOpen(null)} /> : null}
      {open === 'verify' ? <VerifyPackDialog workspaceId={props.workspaceId} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
