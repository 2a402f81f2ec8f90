/**
 * One exhibit's chain of custody: each hand-over in force (released by → received by, when,
 * where, why, seal, condition, who recorded it), the entries a correction replaced shown beneath
 * it as corrected, and the chain's problems (gaps, time inversions …) flagged on the entry concerned.
 */
import type { ReactNode } from 'react';
import type { CustodyChain, CustodyEntry, CustodyIssue } from '../../../shared/domain/custody';
import { formatDateTime } from '../format/dates';
import { t, type MessageId } from '../../../shared/messages';
import { Icon } from '../ui/icons';

const ISSUE_TEXT: Record<CustodyIssue['kind'], MessageId> = {
  gap: 'ui.exhibits.issue.gap',
  'time-inversion': 'ui.exhibits.issue.time-inversion',
  'unknown-correction': 'ui.exhibits.issue.unknown-correction',
  'holder-mismatch': 'ui.exhibits.issue.holder-mismatch',
};

function EntryLine(props: { entry: CustodyEntry; corrected?: boolean; onCorrect?: () => void }): ReactNode {
  const e = props.entry;
  return (
    <div className={props.corrected ? 'custody-entry custody-corrected' : 'custody-entry'} data-custody-entry={e.id}>
      <div className="custody-entry-head">
        <span className="cell-primary">{t('ui.exhibits.custody.handover', { from: e.releasedBy, to: e.receivedBy })}</span>
        {e.corrects && !props.corrected ? <span className="tag">{t('ui.exhibits.custody.correction-tag')}</span> : null}
        {props.onCorrect ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={props.onCorrect}>
            <Icon name="edit" /> {t('ui.exhibits.custody.correct')}
          </button>
        ) : null}
      </div>
      <div className="cell-secondary">
        {t('ui.exhibits.custody.details', { when: formatDateTime(e.at), place: e.place || '—', purpose: e.purpose || '—' })}
      </div>
      <div className="cell-secondary">
        {e.sealIntact ? t('ui.exhibits.custody.seal-intact') : t('ui.exhibits.custody.seal-new', { seal: e.newSealNumber })}
        {e.condition ? ` · ${e.condition}` : ''}
      </div>
      <div className="cell-secondary">{t('ui.exhibits.custody.recorded', { by: e.recordedBy, when: formatDateTime(e.recordedAt), corrected: props.corrected ? 'yes' : 'no' })}</div>
    </div>
  );
}

/**
 * The custody log of one exhibit. `names` maps member ids to names; `onCorrect`, when given, puts
 * a "Correct this entry" button on each entry in force (never on a corrected one).
 */
export function CustodyLog(props: { chain: CustodyChain; names: (memberId: string) => string; onCorrect?: (entry: CustodyEntry) => void }): ReactNode {
  const { chain } = props;
  if (chain.links.length === 0) return <p className="empty-note">{t('ui.exhibits.entries-count', { count: 0 })}</p>;
  const issuesOf = (id: string): CustodyIssue[] => chain.issues.filter((i) => i.entryId === id);
  return (
    <section aria-label={t('ui.exhibits.custody.title')}>
      <p className={chain.issues.length ? 'custody-summary custody-warn' : 'custody-summary'} role={chain.issues.length ? 'status' : undefined}>
        {t('ui.exhibits.entries-count', { count: chain.links.length })} · {t('ui.exhibits.issues-count', { count: chain.issues.length })}
      </p>
      <ol className="custody-log">
        {chain.links.map((link) => (
          <li key={link.entry.id}>
            <EntryLine entry={{ ...link.entry, recordedBy: props.names(link.entry.recordedBy) }} onCorrect={props.onCorrect ? () => props.onCorrect!(link.entry) : undefined} />
            {issuesOf(link.entry.id).map((i) => (
              <p key={i.kind} className="custody-flag">
                {t(ISSUE_TEXT[i.kind])}
              </p>
            ))}
            {link.replaces.map((old) => (
              <EntryLine key={old.id} entry={{ ...old, recordedBy: props.names(old.recordedBy) }} corrected />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
