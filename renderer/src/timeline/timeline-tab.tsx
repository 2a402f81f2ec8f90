/**
 * The Timeline tab: the case's events, seizures (by seizure date), tasks (due and done) and custody in
 * date order, each date shown to its precision ("2024-05-17", "2024-05", "c. 2023"), assembled by
 * the pure shared/timeline/timeline.ts, with the exhibits' creation and custody hand-overs.
 * Grouped by timeline period (a month; "c. YYYY" for dates known only to the year). The seizures
 * come from the data service's projection, every one of a case of any size (issue 11 item 4,
 * use-timeline-seizures.ts): all at once in a case of up to 500, otherwise counted per period and
 * read when the reader opens it, so a 100,000-seizure case stays a list of periods with counts.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { CaseEvents } from '../../../shared/docs/case-events';
import { CaseTasks } from '../../../shared/docs/case-tasks';
import type { Writer } from '../../../shared/docs/records';
import { assembleTimeline, comparePeriods, custodyEntries, displayDate, eventEntries, seizureEntries, taskEntries, timelinePeriod, type TimelineEntry } from '../../../shared/timeline/timeline';
import { custodyTimelineEvents, type CustodyTimelineEvent } from '../../../shared/docs/custody-timeline';
import type { DocReplica } from '../data/client';
import { Icon, type IconName } from '../ui/icons';
import { ErrorPanel, Loading } from '../ui/states';
import { EventFormDialog } from './event-form-dialog';
import { PERIOD_PAGE, useTimelineSeizures, type TimelineSeizures } from './use-timeline-seizures';
import { t, type MessageId } from '../../../shared/messages';

const KIND_ICON: Record<TimelineEntry['kind'], IconName> = { event: 'info', seizure: 'briefcase', 'task-due': 'check', 'task-done': 'check', custody: 'shield' };

/** Props of {@link TimelineTab}. */
export interface TimelineTabProps {
  workspaceId: string;
  caseId: string;
  replica: DocReplica;
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

/** One period of the timeline: its key, the case's other entries in it, and its seizure count. */
interface Period {
  period: string;
  others: TimelineEntry[];
  seizures: number;
}

/** The timeline of a case. */
export function TimelineTab(props: TimelineTabProps): ReactNode {
  const events = useMemo(() => new CaseEvents(props.replica.doc), [props.replica.doc]);
  // Events, tasks and custody: few, from the replica; the seizures: from the projection.
  const others = useMemo(
    () => assembleTimeline([eventEntries(events.list()), taskEntries(new CaseTasks(props.replica.doc).list()), custodyEntries(custodyTimelineEvents(props.replica.doc), describeCustody)]),
    [events, props.replica.doc, props.version],
  );
  const seizures = useTimelineSeizures(props.workspaceId, props.caseId);
  const groups = useMemo((): Period[] => {
    const byPeriod = new Map<string, Period>();
    const at = (period: string): Period => byPeriod.get(period) ?? byPeriod.set(period, { period, others: [], seizures: 0 }).get(period)!;
    for (const e of others) at(timelinePeriod(e.date, e.precision)).others.push(e);
    for (const p of seizures.periods ?? []) at(p.period).seizures = p.count;
    return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
  }, [others, seizures.periods]);
  const [adding, setAdding] = useState(false);
  const count = others.length + groups.reduce((n, g) => n + g.seizures, 0);
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">{t('ui.timeline.title')}</h2>
        {seizures.periods ? <span className="muted small" data-testid="timeline-count">{t('ui.timeline.count', { count })}</span> : null}
        <span className="grow" />
        {!props.readOnly ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" /> {t('ui.timeline.add')}
          </button>
        ) : null}
      </div>
      <div className="card-body">
        {seizures.error ? <ErrorPanel error={seizures.error} title={t('ui.timeline.seizures-failed')} /> : null}
        {!seizures.periods ? <Loading>{t('ui.timeline.loading')}</Loading> : groups.length === 0 ? <p className="muted">{t('ui.timeline.empty')}</p> : null}
        {seizures.periods ? groups.map((g) => <PeriodGroup key={g.period} group={g} seizures={seizures} />) : null}
      </div>
      {adding ? <EventFormDialog events={events} writer={props.writer} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}

/** "c. {year}" as the timeline writes a year-only date. */
const circa = (year: string): string => t('ui.timeline.circa', { year });

/** One period: its heading with the seizure count (and, in a large case, the button that opens it), then its entries. */
function PeriodGroup(props: { group: Period; seizures: TimelineSeizures }): ReactNode {
  const { group, seizures } = props;
  const open = seizures.isOpen(group.period);
  const rows = seizures.rowsOf(group.period);
  const entries = useMemo(() => assembleTimeline([() => group.others, seizureEntries(open ? (rows ?? []) : [])]), [group.others, open, rows]);
  const left = group.seizures - (rows?.length ?? 0);
  const headingId = `timeline-period-${group.period}`;
  return (
    <section className="timeline-period" aria-labelledby={headingId} data-period={group.period}>
      <div className="timeline-period-head">
        <h3 id={headingId} className="timeline-period-title mono">
          {group.period.length === 4 ? circa(group.period) : group.period}
        </h3>
        {group.seizures ? <span className="muted small">{t('ui.timeline.period-seizures', { count: group.seizures })}</span> : null}
        {group.seizures && !seizures.whole ? (
          <button type="button" className="btn btn-sm" aria-expanded={open} onClick={() => seizures.toggle(group.period)}>
            {open ? t('ui.timeline.hide-seizures') : t('ui.timeline.show-seizures', { count: group.seizures })}
          </button>
        ) : null}
      </div>
      {open && group.seizures && rows === undefined ? <Loading>{t('ui.timeline.loading')}</Loading> : null}
      {entries.length ? (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.recordId}`} className={`timeline-entry timeline-${e.kind} precision-${e.precision}`} data-record-id={e.recordId}>
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
      ) : null}
      {open && rows !== undefined && left > 0 && !seizures.whole ? (
        <button type="button" className="btn btn-sm timeline-more" onClick={() => seizures.more(group.period)}>
          {t('ui.timeline.more-seizures', { count: Math.min(PERIOD_PAGE, left), left })}
        </button>
      ) : null}
    </section>
  );
}
