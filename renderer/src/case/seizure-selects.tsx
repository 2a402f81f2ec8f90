/**
 * Selects of the seizure fields that may be "not stated" (issue 11.6): unit, location precision,
 * transport mode, detection and concealment method. Each offers an empty first option, so a
 * seizure never carries a value nobody reported; labels come from the catalogue.
 */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { CONCEALMENT_METHODS, DETECTION_METHODS, LOCATION_PRECISIONS, QUANTITY_UNITS, QUANTITY_UNIT_LABELS, TRANSPORT_MODES } from '../../../shared/domain/codes';
import { concealmentMethodLabel, detectionMethodLabel, transportModeLabel } from '../../../shared/domain/seizure-labels';
import { LOCATION_PRECISION_LABELS } from '../domain/labels';
import { t } from '../../../shared/messages';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'>;

function NullableSelect<T extends string>(props: SelectProps & { codes: readonly T[]; label: (c: T) => string }): ReactNode {
  const { codes, label, ...p } = props;
  return (
    <select className="select" {...p}>
      <option value="">{t('seizure.not-stated')}</option>
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </select>
  );
}

/** Quantity unit, or not stated. */
export function OptionalUnitSelect(p: SelectProps): ReactNode {
  return <NullableSelect {...p} codes={QUANTITY_UNITS} label={(u) => QUANTITY_UNIT_LABELS[u]} />;
}
/** Location precision, or not stated. */
export function OptionalLocationPrecisionSelect(p: SelectProps): ReactNode {
  return <NullableSelect {...p} codes={LOCATION_PRECISIONS} label={(l) => LOCATION_PRECISION_LABELS[l]} />;
}
/** Transport mode, or not stated. */
export function TransportModeSelect(p: SelectProps): ReactNode {
  return <NullableSelect {...p} codes={TRANSPORT_MODES} label={transportModeLabel} />;
}
/** Detection method, or not stated. */
export function DetectionMethodSelect(p: SelectProps): ReactNode {
  return <NullableSelect {...p} codes={DETECTION_METHODS} label={detectionMethodLabel} />;
}
/** Concealment method, or not stated. */
export function ConcealmentMethodSelect(p: SelectProps): ReactNode {
  return <NullableSelect {...p} codes={CONCEALMENT_METHODS} label={concealmentMethodLabel} />;
}
