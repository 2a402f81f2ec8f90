/**
 * Inline-edit controls of the case overview. A field shows the live value — also while it has the
 * focus — until the user changes its text; from then on it keeps what they typed and commits it on
 * blur or Enter (Escape drops it and shows the live value again). Focusing a field and leaving it
 * without typing never writes anything, so a value a colleague changed meanwhile is never written
 * back. What is compared is the text at the moment the user began typing, not the live value: a
 * remote change arriving while the user types does not turn their (unchanged) text into a "change".
 * `onTyping` hears the pending text (null once committed or dropped), so a caller can tell the
 * member when a colleague changes the field meanwhile (the seizure detail's concurrent-edit notice,
 * which then replaces this control's own short hint: `noMeanwhileHint`).
 */
import { useRef, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { FieldControlProps } from '../ui/field';

/** Props of {@link InlineText}. */
export interface InlineTextProps {
  value: string;
  /**
   * Commits the user's text (only called when they changed it). Returns false when it was not
   * saved (e.g. invalid: the field shows why), so the typed text stays for them to correct. A
   * write that goes to the data service (a seizure held in a volume doc) returns a Promise of that
   * answer: the typed text stays until it settles.
   */
  onCommit: (next: string) => boolean | void | Promise<boolean>;
  control: FieldControlProps;
  type?: 'text' | 'date';
  disabled?: boolean;
  placeholder?: string;
  className?: string;
  /** Hears the text being typed, and null when it was committed or dropped. */
  onTyping?: (text: string | null) => void;
  /** True when the caller shows its own notice of a colleague's change (no short hint here). */
  noMeanwhileHint?: boolean;
}

/** The user's pending change: `text` typed over `base`, the live value when they began typing. */
interface Typed {
  base: string;
  text: string;
}

/** A text input bound to a live value. */
export function InlineText(props: InlineTextProps): ReactNode {
  const { value, onCommit } = props;
  const [typed, setTypedState] = useState<Typed | null>(null);
  const latest = useRef<Typed | null>(null);
  latest.current = typed;
  const setTyped = (next: Typed | null): void => {
    setTypedState(next);
    props.onTyping?.(next ? next.text : null);
  };
  const commit = (): void => {
    if (!typed) return; // untouched: nothing to save, whatever the live value is now
    const saved = onCommit(typed.text);
    if (saved instanceof Promise) {
      // Dropped only if the member has not typed on meanwhile (then their newer text stays).
      const sent = typed;
      void saved.then((ok) => {
        if (ok && latest.current === sent) setTyped(null);
      });
    } else if (saved !== false) setTyped(null);
  };
  const changedMeanwhile = typed !== null && value !== typed.base && value !== typed.text;
  return (
    <>
      <input
        className={`input${props.className ? ` ${props.className}` : ''}`}
        type={props.type ?? 'text'}
        {...props.control}
        value={typed ? typed.text : value}
        disabled={props.disabled}
        placeholder={props.placeholder}
        onChange={(e) => {
          const text = e.target.value;
          const base = typed ? typed.base : value;
          setTyped(text === base ? null : { base, text });
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setTyped(null);
        }}
      />
      {changedMeanwhile && !props.noMeanwhileHint ? (
        <p className="field-hint" role="status">
          {t('ui.case.inline.changed-meanwhile', { value: value || t('ui.case.value.empty') })}
        </p>
      ) : null}
    </>
  );
}
