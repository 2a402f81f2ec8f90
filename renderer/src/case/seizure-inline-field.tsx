/**
 * One seizure field edited in place in the seizure detail: its label with a "History" button, the
 * input (inline-fields.tsx: commits on Enter or blur, never writes an untouched field), the
 * validation message, and the concurrent-edit notice when a colleague changed it meanwhile
 * (use-concurrent-edits.ts). Text fields write the text; number fields parse it (empty → none).
 * The write goes where the seizure lives (seizure-writes.ts): the replica's case doc, or the data
 * service for a seizure held in a volume doc, with the same validation, audit and history.
 */
import { useState, type ReactNode } from 'react';
import type { Seizure, SeizureField, SeizureFields } from '../../../shared/domain/seizure';
import { NestError } from '../../../shared/errors';
import { RpcError } from '../data/rpc-error';
import { t, type MessageId } from '../../../shared/messages';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { sentence } from '../forms/issues';
import { InlineText } from './inline-fields';
import { ConflictNotice } from './conflict-notice';
import { HistoryIcon } from './history-icon';
import { fieldName, formatAuditValue } from '../../../shared/activity/field-values';
import type { ConcurrentEdits } from './use-concurrent-edits';
import { restoreSeizureField, seizureIssues, updateSeizure, type SeizureWriteTarget } from './seizure-writes';

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
  /** Where the seizure's writes go (its replica or the data service). */
  to: SeizureWriteTarget;
  seizure: Seizure;
  field: SeizureField;
  kind: 'text' | 'number';
  label: string;
  className?: string;
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

  /** The field's message for a refused write (a NestError from the replica, an RpcError from the service: `patch.<field>`). */
  const refused = (err: unknown): false => {
    const issues = err instanceof NestError || err instanceof RpcError ? seizureIssues(err.issues ?? []) : [];
    const msg = err instanceof Error ? (issues.find((i) => i.field === field)?.message ?? err.message) : String(err);
    setError(sentence(msg));
    return false;
  };
  /** Writes `value` (already parsed) where the seizure lives; resolves true when saved, false when its message is shown. */
  const write = (value: unknown, restore: boolean): Promise<boolean> => {
    edits.wrote(seizure.id, field, value);
    const saved = restore ? restoreSeizureField(props.to, seizure.id, field, value) : updateSeizure(props.to, seizure.id, { [field]: value } as Partial<SeizureFields>);
    return saved.then(() => {
      setError(undefined);
      return true;
    }, refused);
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
                void write(value, true).then((ok) => {
                  if (!ok) return;
                  edits.dismiss(seizure.id, field);
                  toast(t('ui.case.conflict.kept-toast', { value: formatAuditValue(field, value), field: fieldName(field) }));
                });
              }}
            />
          ) : null}
        </>
      )}
    </Field>
  );
}
