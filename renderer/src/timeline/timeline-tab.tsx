/**
 * The Timeline tab: the case's events, seizures (by seizure date), tasks (due and done) and custody in
 * date order, each date shown to its precision ("2024-05-17", "2024-05", "c. 2023"), assembled by
 * the pure shared/timeline/timeline.ts, with the exhibits' creation and custody hand-overs.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { CaseEvents } from '../../../shared/docs/case-events';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import type { Writer } from '../../../shared/docs/records';
import type { Seizure } from '../../../shared/domain/seizure';
import { assembleTimeline, custodyEntries, displayDate, eventEntries, seizureEntries, taskEntries, type TimelineEntry } from '../../../shared/timeline/timeline';
import { custodyTimelineEvents, type CustodyTimelineEvent } from '../../../shared/docs/custody-timeline';
import type { DocReplica } from '../data/client';
import { Icon, type IconName } from '../ui/icons';
import { EventFormDialog } from './event-form-dialog';
import { t, type MessageId } from '../../../shared/messages';

const KIND_ICON: Record<TimelineEntry['kind'], IconName> = { event: 'info', seizure: 'briefcase', 'task-due': 'check', 'task-done': 'check', custody: 'shield' };

/** Props of {@link TimelineTab}. */
export interface TimelineTabProps {
  replica: DocReplica;
  seizures: Seizure[];
  writer: Writer;
  readOnly: boolean;
  /** Changes whenever the case doc changed. */
  version: number;
}

/** A custody timeline event in words. */
function describeCustody(e: CustodyTimelineEvent): string {
  return e.kind === 'exhibit-created'
    ? t('ui.timeline.custody.created', { reference: e.reference, description: e.description })
    : t('ui.timeline.custody.transfer', { reference: e.reference, from: e.releasedBy, to: e.receivedBy, place: e.place, hasPlace: e.place ? 'yes' : 'no', corrected: e.corrected ? 'yes' : 'no' });
}

/** The timeline of a case. */
export function TimelineTab(props: TimelineTabProps): ReactNode {
  const events = useMemo(() => new CaseEvents(props.replica.doc), [props.replica.doc]);
  const entries = useMemo(
    () => assembleTimeline([eventEntries(events.list()), seizureEntries(props.seizures), taskEntries(new CaseTasks(props.replica.doc).list()), custodyEntries(custodyTimelineEvents(props.replica.doc), describeCustody)]),
    [events, props.replica.doc, props.seizures, props.version],
  );
  const [adding, setAdding] = useState(false);
  const circa = (year: string): string => t('ui.timeline.circa', { year });
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">{t('ui.timeline.title')}</h2>
        <span className="muted small">{t('ui.timeline.count', { count: entries.length })}</span>
        <span className="grow" />
        {!props.readOnly ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" /> {t('ui.timeline.add')}
          </button>
        ) : null}
      </div>
      <div className="card-body">
        {entries.length === 0 ? <p className="muted">{t('ui.timeline.empty')}</p> : null}
        <ol className="timeline">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.recordId}`} className={`timeline-entry timeline-${e.kind} precision-${e.precision}`}>
              <time className="timeline-date mono" dateTime={e.date}>
                {displayDate(e.date, e.precision, circa)}
              </time>
              <span className="timeline-dot" aria-hidden="true">
                <Icon name={KIND_ICON[e.kind]} size={13} />
              </span>
              <div className="timeline-body">
                <span className="timeline-kind">{t(`ui.timeline.kind.${e.kind}` as MessageId)}</span>
                <span className="timeline-label">{e.label}</span>
                {e.source ? <span className="timeline-source muted small">{t('ui.timeline.source', { source: e.source })}</span> : null}
              </div>
            </li>
          ))}
        </ol>
      </div>
      {adding ? <EventFormDialog events={events} writer={props.writer} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
