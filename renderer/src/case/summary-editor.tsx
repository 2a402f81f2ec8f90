/**
 * The case summary, bound to the case doc's shared text through `CaseDoc.setSummary`: every
 * keystroke is written as a minimal splice, so two people typing in different places both
 * keep their text. Remote changes move the caret as needed instead of jumping to the end.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { NestError } from '../../../shared/errors';
import type { FieldControlProps } from '../ui/field';

/** Where position `pos` of `before` lands in `after`, given one changed span (common prefix and suffix kept). */
export function shiftPosition(before: string, after: string, pos: number): number {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  if (pos <= start) return pos;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  if (pos >= endB) return pos + (endA - endB);
  return endA;
}

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

  useLayoutEffect(() => {
    const next = caseDoc.readSummary();
    const el = ref.current;
    if (next === shown.current) return;
    const before = shown.current;
    const sel = el && document.activeElement === el ? [el.selectionStart, el.selectionEnd] : null;
    shown.current = next;
    setText(next);
    if (el && sel) {
      requestAnimationFrame(() => el.setSelectionRange(shiftPosition(before, next, sel[0]!), shiftPosition(before, next, sel[1]!)));
    }
  }, [caseDoc, version]);

  return (
    <textarea
      ref={ref}
      className="textarea summary-textarea"
      {...props.control}
      value={text}
      readOnly={props.readOnly}
      placeholder={props.readOnly ? 'No summary yet.' : 'What is this case about? Suspects, modus operandi, routes, open questions… Colleagues see your text as you type.'}
      onChange={(e) => {
        const next = e.target.value;
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
