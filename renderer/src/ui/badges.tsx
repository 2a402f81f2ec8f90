/**
 * Small labels of the domain: the TLP 2.0 marking (FIRST colours on black), the crime sector
 * (coloured dot + name) and the case status (tinted pill).
 */
import type { ReactNode } from 'react';
import { CASE_STATUS_LABELS, CRIME_SECTOR_LABELS, TLP_DESCRIPTIONS, type CaseStatus, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import { tlpClass } from '../domain/tlp';
import { t } from '../../../shared/messages';

/** A TLP label such as "TLP:AMBER", with the marking's meaning as its tooltip. */
export function TlpBadge(props: { tlp: Tlp; large?: boolean }): ReactNode {
  return (
    <span className={`tlp ${tlpClass(props.tlp)}${props.large ? ' tlp-lg' : ''}`} title={TLP_DESCRIPTIONS[props.tlp]}>
      {t('ui.common.tlp', { tlp: props.tlp })}
    </span>
  );
}

/** A crime sector: its colour dot and label. */
export function SectorLabel(props: { sector: CrimeSector; short?: boolean }): ReactNode {
  return (
    <span className={`sector sector-${props.sector}`}>
      <span className="sector-dot" aria-hidden="true" />
      {CRIME_SECTOR_LABELS[props.sector]}
    </span>
  );
}

/** A case status pill. */
export function StatusBadge(props: { status: CaseStatus }): ReactNode {
  return <span className={`status status-${props.status}`}>{CASE_STATUS_LABELS[props.status]}</span>;
}
