/**
 * The case header: number, title, TLP marking, status and sector; the case's link to the relay
 * and who else has the case open (on this or another desktop); and the case actions: the primary
 * ones as buttons (import, apply template, verify a pack, add seizure) and every export (CSV,
 * GeoJSON, KML, STIX 2.1, case pack) in one Export menu, so the row does not wrap.
 */
import { useState, type ReactNode } from 'react';
import type { CaseMeta } from '../../../shared/domain/case';
import { countryName } from '../../../shared/domain/iso';
import { TLP_DESCRIPTIONS } from '../../../shared/domain/codes';
import type { DocReplica } from '../data/client';
import { SectorLabel, StatusBadge, TlpBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { formatIsoDate } from '../format/dates';
import { PresenceBar } from './presence-bar';
import { ExportMenu } from './export-menu';
import { PackDialogs, VerifyPackButton, type PackDialog } from '../packs/pack-dialogs';
import { DocSyncBadge } from '../sync/doc-sync-badge';
import { t } from '../../../shared/messages';
import { resolutionLabel, severityLabel } from './case-selects';

/** Props of {@link CaseHeader}. */
export interface CaseHeaderProps {
  meta: CaseMeta;
  replica: DocReplica;
  readOnly: boolean;
  workspaceId: string;
  onAddSeizure: () => void;
  onImport: () => void;
  /** Opens "Apply template" (case templates, issue 12). */
  onApplyTemplate?: () => void;
}

/** The case header. */
export function CaseHeader(props: CaseHeaderProps): ReactNode {
  const { meta } = props;
  const [packDialog, setPackDialog] = useState<PackDialog>(null);
  return (
    <header className="case-header">
      <div className="case-header-top">
        <span className="case-number case-number-lg">{meta.number}</span>
        <TlpBadge tlp={meta.tlp} large />
        <StatusBadge status={meta.status} />
        <span className={`tag severity severity-${meta.severity}`} title={t('ui.case.field.severity')} data-testid="severity-badge">{severityLabel(meta.severity)}</span>
        <span className={`tag pap pap-${meta.pap.toLowerCase()}`}>{t('ui.case.pap', { value: meta.pap })}</span>
        {meta.status === 'closed' && meta.resolution ? <span className="tag">{resolutionLabel(meta.resolution)}</span> : null}
        <span className="tlp-note">{TLP_DESCRIPTIONS[meta.tlp]}</span>
        <span className="case-header-spacer" />
        <DocSyncBadge workspaceId={props.workspaceId} docName={props.replica.name} />
        <PresenceBar replica={props.replica} />
      </div>
      <div className="case-header-main">
        <div className="grow">
          <h1 className="case-title">{meta.title || t('ui.case.header.untitled')}</h1>
          <p className="case-meta-line">
            <SectorLabel sector={meta.sector} />
            <span className="dot-sep" aria-hidden="true" />
            <span>{t('ui.case.header.opened', { date: formatIsoDate(meta.openedOn) })}</span>
            {meta.leadAgency ? (
              <>
                <span className="dot-sep" aria-hidden="true" />
                <span>{t('ui.case.header.lead', { agency: meta.leadAgency })}</span>
              </>
            ) : null}
            {meta.jurisdictions.length ? (
              <>
                <span className="dot-sep" aria-hidden="true" />
                <span title={meta.jurisdictions.map(countryName).join(', ')}>
                  {t('ui.case.header.jurisdictions', { count: meta.jurisdictions.length })}
                </span>
              </>
            ) : null}
          </p>
          {meta.tags.length ? (
            <p className="case-tags" aria-label={t('ui.case.field.tags')}>
              {meta.tags.map((tag) => (
                <span key={tag} className="tag tag-label">
                  {tag}
                </span>
              ))}
            </p>
          ) : null}
        </div>
        <div className="page-actions">
          {props.readOnly ? <span className="tag tag-warning" title={t('ui.case.header.read-only-tip')} data-testid="read-only-badge">{t('ui.case.header.read-only')}</span> : null}
          {!props.readOnly ? (
            <button type="button" className="btn" onClick={props.onImport}>
              <Icon name="upload" /> {t('ui.case.header.import')}
            </button>
          ) : null}
          {!props.readOnly && props.onApplyTemplate ? (
            <button type="button" className="btn" onClick={props.onApplyTemplate}>
              <Icon name="file" /> {t('ui.templates.apply')}
            </button>
          ) : null}
          <VerifyPackButton onOpen={() => setPackDialog('verify')} />
          <ExportMenu workspaceId={props.workspaceId} caseId={meta.id} onExportPack={() => setPackDialog('export')} />
          {!props.readOnly ? (
            <button type="button" className="btn btn-primary" onClick={props.onAddSeizure}>
              <Icon name="plus" /> {t('ui.case.header.add-seizure')}
            </button>
          ) : null}
        </div>
      </div>
      <PackDialogs open={packDialog} onClose={() => setPackDialog(null)} workspaceId={props.workspaceId} caseId={meta.id} caseNumber={meta.number} tlp={meta.tlp} doc={props.replica.doc} />
    </header>
  );
}
