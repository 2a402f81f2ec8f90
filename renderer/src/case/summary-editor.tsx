/**
 * The case summary, bound to the case doc's shared text through `CaseDoc.setSummary`: every
 * keystroke is rebased onto the current shared text and written as a minimal splice, so two
 * people typing in different places both keep their text. Remote changes are shown at once and
 * the caret stays where the user left it.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { NestError } from '../../../shared/errors';
import type { FieldControlProps } from '../ui/field';
import { rebaseEdit, shiftPosition } from './shift-position';
import { t } from '../../../shared/messages';

/** Props of {@link SummaryEditor}. */
export interface SummaryEditorProps {
  caseDoc: CaseDoc;
  writer: Writer;
  readOnly: boolean;
  /** The doc version (re-reads the text when it changes). */
  version: number;
  control: FieldControlProps;
  onError: (message: string | undefined) => void;
}

/** The summary textarea. */
export function SummaryEditor(props: SummaryEditorProps): ReactNode {
  const { caseDoc, writer, version, onError } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => caseDoc.readSummary());
  const shown = useRef(text);

  // A change from elsewhere: show it at once and keep the caret where the user left it.
  useLayoutEffect(() => {
    const next = caseDoc.readSummary();
    if (next === shown.current) return;
    const before = shown.current;
    shown.current = next;
    const el = ref.current;
    if (el && document.activeElement === el) {
      const [from, to] = [el.selectionStart, el.selectionEnd];
      el.value = next;
      el.setSelectionRange(shiftPosition(before, next, from), shiftPosition(before, next, to));
    }
    setText(next);
  }, [caseDoc, version]);

  return (
    <textarea
      ref={ref}
      className="textarea summary-textarea"
      {...props.control}
      value={text}
      readOnly={props.readOnly}
      placeholder={props.readOnly ? t('ui.case.summary.empty') : t('ui.case.summary.placeholder')}
      onChange={(e) => {
        // Apply this keystroke to the shared text as it is now (it may hold a remote edit that is
        // not on screen yet), never replace the whole text with what this window last showed.
        const el = e.target;
        const { text: next, caret } = rebaseEdit(shown.current, el.value, caseDoc.readSummary());
        if (next !== el.value) {
          el.value = next;
          el.setSelectionRange(caret, caret);
        }
        shown.current = next;
        setText(next);
        try {
          caseDoc.setSummary(next, writer);
          onError(undefined);
        } catch (err) {
          onError(err instanceof NestError ? (err.issues?.[0]?.message ?? err.message) : String(err));
        }
      }}
    />
  );
}
