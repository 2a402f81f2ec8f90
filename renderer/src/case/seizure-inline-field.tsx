/**
 * One seizure field edited in place in the seizure detail: its label with a "History" button, the
 * input (inline-fields.tsx: commits on Enter or blur, never writes an untouched field), the
 * validation message, and the concurrent-edit notice when a colleague changed it meanwhile
 * (use-concurrent-edits.ts). Text fields write the text; number fields parse it (empty → none).
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure, SeizureField, SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';
import { t, type MessageId } from '../../../shared/messages';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { sentence } from '../forms/issues';
import { InlineText } from './inline-fields';
import { ConflictNotice } from './conflict-notice';
import { HistoryIcon } from './history-icon';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';
import type { ConcurrentEdits } from './use-concurrent-edits';

/** The seizure fields editable in place, and how their text is read. */
export const INLINE_SEIZURE_FIELDS: { field: SeizureField; kind: 'text' | 'number'; label: MessageId; wide?: boolean }[] = [
  { field: 'commodity', kind: 'text', label: 'ui.case.detail.label.commodity', wide: true },
  { field: 'taxon', kind: 'text', label: 'ui.case.detail.label.taxon', wide: true },
  { field: 'quantity', kind: 'number', label: 'ui.case.detail.label.quantity' },
  { field: 'place', kind: 'text', label: 'ui.case.detail.label.place' },
  { field: 'operation', kind: 'text', label: 'ui.case.detail.label.operation', wide: true },
];

/** Props of {@link SeizureInlineField}. */
export interface SeizureInlineFieldProps {
  caseDoc: CaseDoc;
  seizure: Seizure;
  field: SeizureField;
  kind: 'text' | 'number';
  label: string;
  className?: string;
  writer: Writer;
  readOnly: boolean;
  edits: ConcurrentEdits;
  memberName: (id: string) => string;
  onHistory: () => void;
}

/** The field's value as the input shows it. */
function asText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Reads the typed text for a field of `kind`; undefined when it is not a number where one is needed. */
function parse(kind: 'text' | 'number', text: string): unknown {
  if (kind === 'text') return text;
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A seizure field edited in place. */
export function SeizureInlineField(props: SeizureInlineFieldProps): ReactNode {
  const { seizure, field, edits } = props;
  const toast = useToast();
  const [error, setError] = useState<string | undefined>();
  const notice = edits.notice(seizure.id, field);
  const current = seizure[field];
  // A notice raised while the member was typing holds their text: read it as the field's value.
  const mine = notice && typeof notice.mine === 'string' ? (parse(props.kind, notice.mine) ?? notice.mine) : notice?.mine;

  /** Writes `value` (already parsed); true when saved, false when its message is shown. */
  const write = (value: unknown, restore: boolean): boolean => {
    try {
      edits.wrote(seizure.id, field, value);
      const patch = { [field]: value } as Partial<SeizureFields>;
      if (restore) props.caseDoc.restoreSeizureField(seizure.id, field, value as SeizureFields[SeizureField], props.writer);
      else props.caseDoc.updateSeizure(seizure.id, patch, props.writer);
      setError(undefined);
      return true;
    } catch (err) {
      const msg = err instanceof NestError ? (err.issues?.find((i) => i.field === field)?.message ?? err.message) : String(err);
      setError(sentence(msg));
      return false;
    }
  };

  return (
    <Field label={props.label} error={error} className={`inline-field${props.className ? ` ${props.className}` : ''}${notice ? ' has-notice' : ''}`}>
      {(c) => (
        <>
          <button type="button" className="btn btn-ghost btn-sm inline-field-history" onClick={props.onHistory} aria-label={t('ui.case.history.open-label', { field: fieldName(field) })}>
            <HistoryIcon /> {t('ui.case.history.open')}
          </button>
          <InlineText
            control={c}
            className="input-sm"
            value={asText(current)}
            disabled={props.readOnly}
            noMeanwhileHint={Boolean(notice)}
            onTyping={(text) => edits.typing(seizure.id, field, text)}
            onCommit={(text) => {
              const value = parse(props.kind, text);
              if (value === undefined) {
                setError(t('ui.case.inline.not-a-number'));
                return false;
              }
              return write(value, false);
            }}
          />
          {notice ? (
            <ConflictNotice
              notice={notice}
              mine={mine}
              current={current}
              theirName={props.memberName(notice.by)}
              readOnly={props.readOnly}
              onDismiss={() => edits.dismiss(seizure.id, field)}
              onKeep={(value) => {
                if (write(value, true)) {
                  edits.dismiss(seizure.id, field);
                  toast(t('ui.case.conflict.kept-toast', { value: formatAuditValue(field, value), field: fieldName(field) }));
                }
              }}
            />
          ) : null}
        </>
      )}
    </Field>
  );
}
