/**
 * The Exhibits tab: the case's exhibits in a DataTable (reference, flagged when its number is
 * shared after concurrent creation; description; type; status; holder; seal; hand-overs and
 * problems of its chain) and, for the selected exhibit, its chain of custody.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { CaseCustody } from '../../../shared/docs/case-custody';
import { CaseExhibits } from '../../../shared/docs/case-exhibits';
import { exhibitReferences, type Exhibit, type ExhibitStatus, type ExhibitType } from '../../../shared/domain/exhibit';
import { t, type MessageId } from '../../../shared/messages';
import { DataTable, type Column } from '../ui/data-table';
import { CustodyLog } from './custody-log';
import { useEvidenceVersion } from './use-evidence-version';
import { useMembers } from '../hooks/use-members';
import './exhibits.css';

const TYPE_TEXT: Record<ExhibitType, MessageId> = {
  'physical-item': 'ui.exhibits.type.physical-item',
  sample: 'ui.exhibits.type.sample',
  document: 'ui.exhibits.type.document',
  'digital-file': 'ui.exhibits.type.digital-file',
  photograph: 'ui.exhibits.type.photograph',
};
const STATUS_TEXT: Record<ExhibitStatus, MessageId> = {
  'in-custody': 'ui.exhibits.status.in-custody',
  'at-lab': 'ui.exhibits.status.at-lab',
  returned: 'ui.exhibits.status.returned',
  destroyed: 'ui.exhibits.status.destroyed',
  'disposed-by-court-order': 'ui.exhibits.status.disposed-by-court-order',
};

/** Props of {@link ExhibitsPanel}. */
export interface ExhibitsPanelProps {
  doc: Y.Doc;
  caseNumber: string;
  /** The workspace, for members' names. */
  workspaceId: string;
}

/** The Exhibits tab of a case. */
export function ExhibitsPanel(props: ExhibitsPanelProps): ReactNode {
  const version = useEvidenceVersion(props.doc);
  const members = useMembers(props.workspaceId);
  const names = (id: string): string => members.get(id)?.name ?? t('ui.case.activity.someone');
  const [selected, setSelected] = useState<string | null>(null);
  const { exhibits, refs, custody } = useMemo(() => {
    const list = new CaseExhibits(props.doc).list();
    return { exhibits: list, refs: exhibitReferences(props.caseNumber, list), custody: new CaseCustody(props.doc) };
  }, [props.doc, props.caseNumber, version]);
  const chains = useMemo(() => new Map(exhibits.map((e) => [e.id, custody.chain(e.id, e.currentHolder)])), [exhibits, custody]);
  const current = exhibits.find((e) => e.id === selected) ?? null;

  const columns: Column<Exhibit>[] = [
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
    { id: 'type', header: t('ui.exhibits.col.type'), cell: (e) => t(TYPE_TEXT[e.type]) },
    { id: 'status', header: t('ui.exhibits.col.status'), cell: (e) => t(STATUS_TEXT[e.status]) },
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
  ];

  return (
    <div className="exhibits-panel">
      <DataTable
        label={t('ui.exhibits.title')}
        columns={columns}
        rows={exhibits}
        rowKey={(e) => e.id}
        empty={t('ui.exhibits.empty')}
        onRowClick={(e: Exhibit) => setSelected(e.id)}
        selectedKey={selected ?? undefined}
      />
      {current ? (
        <section className="exhibit-detail" aria-label={refs.get(current.id)?.reference}>
          <h2>{t('ui.exhibits.custody.heading', { reference: refs.get(current.id)?.reference ?? '' })}</h2>
          <CustodyLog chain={chains.get(current.id)!} names={names} />
        </section>
      ) : null}
    </div>
  );
}
