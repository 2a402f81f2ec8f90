/**
 * Inline-edit controls of the case overview: each keeps a local draft while focused, commits
 * on blur or Enter (Escape reverts), and otherwise follows the live value, so edits from other
 * windows appear without overwriting what the user is typing.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldControlProps } from '../ui/field';

/** Props of {@link InlineText}. */
export interface InlineTextProps {
  value: string;
  /** Commits a changed value. */
  onCommit: (next: string) => void;
  control: FieldControlProps;
  type?: 'text' | 'date';
  disabled?: boolean;
  placeholder?: string;
  className?: string;
}

/** A text input bound to a live value. */
export function InlineText(props: InlineTextProps): ReactNode {
  const { value, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  const commit = (): void => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      className={`input${props.className ? ` ${props.className}` : ''}`}
      type={props.type ?? 'text'}
      {...props.control}
      value={draft}
      disabled={props.disabled}
      placeholder={props.placeholder}
      onFocus={() => setFocused(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
