/**
 * The Exhibits tab (evidence of a case): the case's Files card (renderer/src/files/), then its
 * exhibits in a DataTable (reference, flagged when its number is shared after concurrent creation;
 * description; type; linked seizure, looked up by id in the projection wherever it is held;
 * status; holder; seal; hand-overs and problems of its chain), created and
 * edited in a FormDialog; for the selected exhibit, its linked seizure and files and its chain of
 * custody, where a hand-over is recorded and an entry corrected (a new entry; nothing is edited).
 */
import { useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { CaseFiles } from '../../../shared/docs/case-files';
import type { Writer } from '../../../shared/docs/records';
import type { CustodyEntry } from '../../../shared/domain/custody';
import { exhibitReferences, type Exhibit } from '../../../shared/domain/exhibit';
import type { Seizure } from '../../../shared/domain/seizure';
import { t } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { FilesPanel } from '../files/files-panel';
import { useFileSyncStatus } from '../files/sync/use-file-sync-status';
import { FileSyncStatusCell } from '../files/sync/file-sync-status-cell';
import { KeepOfflineToggle } from '../files/sync/keep-offline-toggle';
import { CustodyLog } from './custody-log';
import { CustodyEntryDialog } from './custody-entry-dialog';
import { ExhibitDetail } from './exhibit-detail';
import { ExhibitFormDialog } from './exhibit-form-dialog';
import { exhibitSeizureLabel, exhibitStatusLabel, exhibitTypeLabel } from './exhibit-labels';
import { useSeizureLookup } from '../case/use-seizure-lookup';
import { useEvidenceVersion } from './use-evidence-version';
import { useMembers } from '../hooks/use-members';
import './exhibits.css';

/** Props of {@link ExhibitsPanel}. */
export interface ExhibitsPanelProps {
  doc: Y.Doc;
  caseNumber: string;
  /** The workspace, for members' names. */
  workspaceId: string;
  caseId: string;
  writer: Writer;
  readOnly: boolean;
  /** The replica's seizures, for the exhibit form's picker only; labels are looked up by id. */
  seizures: readonly Seizure[];
}

type Dialog = { kind: 'exhibit'; exhibit: Exhibit | null } | { kind: 'custody'; exhibit: Exhibit; corrects?: CustodyEntry } | null;

/** The Exhibits tab of a case. */
export function ExhibitsPanel(props: ExhibitsPanelProps): ReactNode {
  const version = useEvidenceVersion(props.doc);
  const members = useMembers(props.workspaceId);
  const names = (id: string): string => members.get(id)?.name ?? t('ui.case.activity.someone');
  const caseRef = useMemo(() => ({ workspaceId: props.workspaceId, caseId: props.caseId }), [props.workspaceId, props.caseId]);
  // Blob sync with the relay (service/blob-sync/): each file's status, pushed as it changes.
  const sync = useFileSyncStatus(props.workspaceId, props.caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { exhibitsView, exhibits, refs, custody, files } = useMemo(() => {
    const view = new CaseExhibits(props.doc);
    const list = view.list();
    return { exhibitsView: view, exhibits: list, refs: exhibitReferences(props.caseNumber, list), custody: new CaseCustody(props.doc), files: new CaseFiles(props.doc).all() };
  }, [props.doc, props.caseNumber, version]);
  // Every exhibit's linked seizure, named from the projection wherever it is held (issue 11 item 4).
  const seizureIds = useMemo(() => exhibits.flatMap((e) => (e.seizureId ? [e.seizureId] : [])), [exhibits]);
  const linkedSeizures = useSeizureLookup(props.workspaceId, props.caseId, seizureIds);
  const chains = useMemo(() => new Map(exhibits.map((e) => [e.id, custody.chain(e.id, e.currentHolder)])), [exhibits, custody]);
  const current = exhibits.find((e) => e.id === selected) ?? null;
  const refOf = (e: Exhibit): string => refs.get(e.id)?.reference ?? '';

  const columns: (Column<Exhibit> | false)[] = [
    {
      id: 'reference',
      header: t('ui.exhibits.col.reference'),
      className: 'col-nowrap mono',
      cell: (e) => (
        <>
          <span className="cell-primary">{refs.get(e.id)?.reference}</span>
          {refs.get(e.id)?.duplicate ? <span className="cell-secondary custody-warn">{t('ui.exhibits.duplicate-number')}</span> : null}
        </>
      ),
    },
    { id: 'description', header: t('ui.exhibits.col.description'), cell: (e) => e.description },
    { id: 'type', header: t('ui.exhibits.col.type'), cell: (e) => exhibitTypeLabel(e.type) },
    { id: 'seizure', header: t('ui.exhibits.col.seizure'), cell: (e) => (e.seizureId ? exhibitSeizureLabel(e.seizureId, linkedSeizures) : <span className="muted">—</span>) },
    { id: 'status', header: t('ui.exhibits.col.status'), cell: (e) => <span className="tag">{exhibitStatusLabel(e.status)}</span> },
    { id: 'holder', header: t('ui.exhibits.col.holder'), cell: (e) => e.currentHolder },
    { id: 'seal', header: t('ui.exhibits.col.seal'), className: 'mono', cell: (e) => e.sealNumber },
    {
      id: 'chain',
      header: t('ui.exhibits.col.chain'),
      cell: (e) => {
        const c = chains.get(e.id)!;
        return (
          <>
            <span className="cell-primary">{t('ui.exhibits.entries-count', { count: c.links.length })}</span>
            {c.issues.length ? <span className="cell-secondary custody-warn">{t('ui.exhibits.issues-count', { count: c.issues.length })}</span> : null}
          </>
        );
      },
    },
    !props.readOnly && {
      id: 'actions',
      header: t('ui.exhibits.edit'),
      hideHeader: true,
      className: 'col-nowrap',
      cell: (e) => (
        <span className="row-actions">
          <button type="button" className="btn btn-ghost btn-sm" aria-label={`${t('ui.exhibits.edit')}: ${refOf(e)}`} onClick={() => setDialog({ kind: 'exhibit', exhibit: e })}>
            <Icon name="edit" />
          </button>
          {refs.get(e.id)?.duplicate ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => exhibitsView.renumber(e.id, props.writer)}>
              {t('ui.exhibits.renumber')}
            </button>
          ) : null}
        </span>
      ),
    },
  ];

  const chain = current ? chains.get(current.id)! : null;
  const lastReceiver = chain?.links.at(-1)?.entry.receivedBy;

  return (
    <div className="exhibits-panel stack">
      <FilesPanel
        caseRef={caseRef}
        doc={props.doc}
        version={version}
        writer={props.writer}
        readOnly={props.readOnly}
        names={names}
        statusCell={(f) => <FileSyncStatusCell status={sync.byFile.get(f.id)} />}
        headerExtra={<KeepOfflineToggle workspaceId={caseRef.workspaceId} caseId={caseRef.caseId} onChange={sync.reload} />}
      />
      <section className="card" aria-labelledby="exhibits-title">
        <div className="card-header">
          <h2 id="exhibits-title">{t('ui.exhibits.title')}</h2>
          <span className="muted small">{t('ui.exhibits.count', { count: exhibits.length })}</span>
          <span className="grow" />
          {!props.readOnly ? (
            <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'exhibit', exhibit: null })}>
              <Icon name="plus" /> {t('ui.exhibits.add')}
            </button>
          ) : null}
        </div>
        <DataTable
          label={t('ui.exhibits.title')}
          columns={columns}
          rows={exhibits}
          rowKey={(e) => e.id}
          empty={t('ui.exhibits.empty')}
          onRowClick={(e: Exhibit) => setSelected(e.id)}
          selectedKey={selected ?? undefined}
          rowAttributes={(e) => ({ 'data-exhibit': refOf(e) })}
        />
      </section>
      {current && chain ? (
        <section className="exhibit-detail" aria-label={refOf(current)}>
          <ExhibitDetail exhibit={current} caseRef={caseRef} seizures={linkedSeizures} files={files} />
          <div className="exhibit-detail-head">
            <h2>{t('ui.exhibits.custody.heading', { reference: refOf(current) })}</h2>
            <span className="grow" />
            {!props.readOnly ? (
              <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'custody', exhibit: current })}>
                <Icon name="plus" /> {t('ui.exhibits.custody.record')}
              </button>
            ) : null}
          </div>
          <CustodyLog chain={chain} names={names} onCorrect={props.readOnly ? undefined : (entry) => setDialog({ kind: 'custody', exhibit: current, corrects: entry })} />
        </section>
      ) : null}
      {dialog?.kind === 'exhibit' ? (
        <ExhibitFormDialog
          exhibits={exhibitsView}
          writer={props.writer}
          caseRef={caseRef}
          exhibit={dialog.exhibit}
          reference={dialog.exhibit ? refOf(dialog.exhibit) : undefined}
          caseNumber={props.caseNumber}
          files={files.filter((f) => !f.deleted)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'custody' ? (
        <CustodyEntryDialog
          custody={custody}
          exhibits={exhibitsView}
          writer={props.writer}
          exhibit={dialog.exhibit}
          reference={refOf(dialog.exhibit)}
          corrects={dialog.corrects}
          correctsLast={dialog.corrects !== undefined && chain?.links.at(-1)?.entry.id === dialog.corrects.id}
          lastReceiver={lastReceiver}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
