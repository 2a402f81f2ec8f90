/**
 * Copies a text (e.g. a source URL, which the app never opens itself) to the clipboard and
 * confirms it for a moment.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Icon } from './icons';
import { t } from '../../../shared/messages';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/** A small "Copy" button for `text`; `what` names it for screen readers ("Copy source URL"). */
export function CopyButton(props: { text: string; what: string }): ReactNode {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="btn btn-sm"
      // The name starts with the visible word in every state (WCAG 2.5.3 label in name).
      aria-label={t(state === 'done' ? 'ui.common.copied-what' : state === 'failed' ? 'ui.common.copy-failed-what' : 'ui.common.copy-what', { what: props.what })}
      onClick={() => {
        copyText(props.text).then(
          () => setState('done'),
          () => setState('failed'),
        );
      }}
    >
      <Icon name={state === 'done' ? 'check' : 'copy'} size={14} />
      <span aria-live="polite">{t(state === 'done' ? 'ui.common.copied' : state === 'failed' ? 'ui.common.copy-failed' : 'ui.common.copy')}</span>
    </button>
  );
}
