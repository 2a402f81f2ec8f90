/**
 * The notes editor's toolbar: text styles, headings, lists, a table, links (web or `nest:` to a
 * record of the case) and undo/redo, each button labelled from the catalogue and showing its
 * state (`aria-pressed`) for assistive technology.
 */
import { useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { t } from '../../../shared/messages';
import { isAllowedNoteLink } from './nest-links';
import { Icon } from '../ui/icons';

function ToolButton(props: { label: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }): ReactNode {
  return (
    <button type="button" className={`btn btn-ghost btn-sm notes-tool${props.active ? ' is-active' : ''}`} aria-label={props.label} title={props.label} aria-pressed={props.active ?? undefined} disabled={props.disabled} onMouseDown={(e) => e.preventDefault()} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

/** The toolbar of a notes editor. */
export function NotesToolbar(props: { editor: Editor; disabled: boolean }): ReactNode {
  const { editor, disabled } = props;
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState('');
  const chain = (): ReturnType<Editor['chain']> => editor.chain().focus();
  const applyLink = (): void => {
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else if (!isAllowedNoteLink(href)) return setLinkError(t('ui.notes.link-invalid'));
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
    setLinking(false);
    setLinkError('');
  };
  return (
    <div className="notes-toolbar" role="toolbar" aria-label={t('ui.notes.toolbar')}>
      <ToolButton label={t('ui.notes.paragraph')} active={editor.isActive('paragraph')} disabled={disabled} onClick={() => chain().setParagraph().run()}>¶</ToolButton>
      {([1, 2, 3] as const).map((level) => (
        <ToolButton key={level} label={t('ui.notes.heading', { level })} active={editor.isActive('heading', { level })} disabled={disabled} onClick={() => chain().toggleHeading({ level }).run()}>
          H{level}
        </ToolButton>
      ))}
      <span className="notes-sep" aria-hidden="true" />
      <ToolButton label={t('ui.notes.bold')} active={editor.isActive('bold')} disabled={disabled} onClick={() => chain().toggleBold().run()}><b>B</b></ToolButton>
      <ToolButton label={t('ui.notes.italic')} active={editor.isActive('italic')} disabled={disabled} onClick={() => chain().toggleItalic().run()}><i>I</i></ToolButton>
      <span className="notes-sep" aria-hidden="true" />
      <ToolButton label={t('ui.notes.bullet-list')} active={editor.isActive('bulletList')} disabled={disabled} onClick={() => chain().toggleBulletList().run()}>• ≡</ToolButton>
      <ToolButton label={t('ui.notes.ordered-list')} active={editor.isActive('orderedList')} disabled={disabled} onClick={() => chain().toggleOrderedList().run()}>1. ≡</ToolButton>
      <ToolButton label={t('ui.notes.table')} disabled={disabled} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>⊞</ToolButton>
      <ToolButton label={t('ui.notes.link')} active={editor.isActive('link')} disabled={disabled} onClick={() => { setHref(String(editor.getAttributes('link').href ?? '')); setLinking((v) => !v); }}><Icon name="link" size={15} /></ToolButton>
      <span className="notes-sep" aria-hidden="true" />
      <ToolButton label={t('ui.notes.undo')} disabled={disabled || !editor.can().undo()} onClick={() => chain().undo().run()}>↶</ToolButton>
      <ToolButton label={t('ui.notes.redo')} disabled={disabled || !editor.can().redo()} onClick={() => chain().redo().run()}>↷</ToolButton>
      {linking ? (
        <form className="notes-link-form" onSubmit={(e) => { e.preventDefault(); applyLink(); }}>
          <input className="input input-sm" aria-label={t('ui.notes.link-prompt')} placeholder={t('ui.notes.link-prompt')} value={href} onChange={(e) => setHref(e.target.value)} autoFocus />
          <button type="submit" className="btn btn-sm">{t('ui.notes.link')}</button>
          {linkError ? <span className="field-error" role="alert">{linkError}</span> : null}
        </form>
      ) : null}
    </div>
  );
}
