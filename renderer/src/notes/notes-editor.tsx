/**
 * The case notes: a TipTap 3 editor bound to the case doc's `notes` Y.XmlFragment (y-tiptap via
 * @tiptap/extension-collaboration), so every member's edits merge live; the other members'
 * cursors with their names and colours come from the replica's awareness (the same `user` state
 * the presence bar reads). Headings, lists, tables and links; a `nest:` link opens the record in
 * place. On first open by a member who may write, a layout-1 case's summary is copied into the
 * notes once (CaseNotes.migrateSummary: safe when two members do it at once).
 */
import { useEffect, useMemo, type MouseEvent, type ReactNode } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { CaseNotes } from '../../../shared/docs/case-notes';
import { CASE_DOC_LAYOUT } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import type { DocReplica } from '../data/client';
import { useIdentity } from '../app/services';
import { memberColor } from '../domain/member-color';
import { t } from '../../../shared/messages';
import { NotesToolbar } from './notes-toolbar';
import { isAllowedNoteLink, nestLinkHref, parseNestLink } from './nest-links';

/** Props of {@link NotesEditor}. */
export interface NotesEditorProps {
  replica: DocReplica;
  writer: Writer;
  readOnly: boolean;
  workspaceId: string;
  caseId: string;
}

/** The caret of another member: a coloured bar with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  const color = typeof user.color === 'string' ? user.color : '#64748b';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : t('ui.notes.someone');
  caret.append(label);
  return caret;
}

/** The notes tab's editor. */
export function NotesEditor(props: NotesEditorProps): ReactNode {
  const { replica, writer, readOnly } = props;
  const identity = useIdentity();
  const notes = useMemo(() => new CaseNotes(replica.doc), [replica.doc]);
  useEffect(() => {
    if (!readOnly) notes.migrateSummary(writer, CASE_DOC_LAYOUT);
  }, [notes, readOnly, writer]);
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        // Undo/redo come from Collaboration (Yjs' undo manager: only this member's own edits).
        StarterKit.configure({
          undoRedo: false,
          link: { openOnClick: false, autolink: true, protocols: ['nest'], isAllowedUri: (url) => isAllowedNoteLink(url) },
        }),
        Table.configure({ resizable: false }),
        TableRow,
        TableHeader,
        TableCell,
        Collaboration.configure({ fragment: notes.fragment }),
        CollaborationCaret.configure({
          provider: { awareness: replica.awareness },
          user: { name: identity.name, color: memberColor(identity.memberId) },
          render: renderCaret,
        }),
      ],
      editorProps: { attributes: { class: 'notes-content', 'aria-label': t('ui.notes.title'), 'aria-multiline': 'true', role: 'textbox', 'data-placeholder': t('ui.notes.placeholder') } },
    },
    [notes, replica.awareness, identity.memberId],
  );
  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  // A click on a `nest:` link opens the record here; other links open outside (the shell's rule).
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const a = (e.target as HTMLElement).closest('a');
    const link = a ? parseNestLink(a.getAttribute('href') ?? '') : null;
    if (!link) return;
    e.preventDefault();
    window.location.hash = nestLinkHref(props.workspaceId, props.caseId, link);
  };

  if (!editor) return null;
  return (
    <section className="card notes-card" aria-labelledby="notes-title">
      <div className="card-header">
        <h2 id="notes-title">{t('ui.notes.title')}</h2>
        <span className="grow" />
        {readOnly ? <span className="muted small">{t('ui.notes.read-only')}</span> : null}
      </div>
      <NotesToolbar editor={editor} disabled={readOnly} />
      <div className="notes-body" onClick={onClick}>
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}
