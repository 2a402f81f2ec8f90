/**
 * A labelled form field: label, control, hint and the validation message right under the
 * control. The control gets its id, `aria-invalid` and `aria-describedby` through a render prop.
 */
import { useId, type ReactNode } from 'react';
import { Icon } from './icons';
import { t } from '../../../shared/messages';

/** What a field hands its control. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Props of {@link Field}. */
export interface FieldProps {
  label: string;
  /** The validation message, shown under the control. */
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A form field with its label, hint and error message. */
export function Field(props: FieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  const describedBy = [props.error ? errId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        {props.optional ? <span className="field-optional">{t('ui.common.optional')}</span> : null}
      </label>
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': describedBy })}
      {props.error ? (
        <p className="field-error" id={errId} role="alert">
          <Icon name="alert" size={13} />
          <span>{props.error}</span>
        </p>
      ) : null}
      {props.hint && !props.error ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
