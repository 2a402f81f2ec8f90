/**
 * The case timeline (issue 12 item 6) as a pure function: entries from any number of sources
 * (events, seizures, tasks — and custody events once exhibits exist: one more source in the
 * caller's list), each with a date of known precision, merged in date order.
 *
 * Ordering of dates of different precision: a date is ordered by its first day ("2024-05" as
 * 2024-05-01, "2023" as 2023-01-01), and on the same first day the more precise entry comes
 * first (a day before its month, a month before its year), then by kind and label so the order is
 * the same on every machine.
 */
import type { DatePrecision } from '../domain/codes';
import type { CaseEvent } from '../domain/case-event';
import type { Task } from '../domain/task';
import type { CustodyTimelineEvent } from '../docs/custody-timeline';

/** What a timeline entry comes from. */
export type TimelineKind = 'event' | 'seizure' | 'task-due' | 'task-done' | 'custody';

/** One entry of the timeline. `date` is YYYY-MM-DD, YYYY-MM or YYYY, matching `precision`. */
export interface TimelineEntry {
  kind: TimelineKind;
  /** The record it belongs to (event, seizure, task or exhibit id). */
  recordId: string;
  date: string;
  precision: DatePrecision;
  /** What happened, in the record's own words (an event's text, a seizure's commodity, a task's title). */
  label: string;
  /** Where the fact comes from ('' when not recorded). */
  source: string;
}

/** A source of timeline entries: any function returning them (the order does not matter). */
export type TimelineSource = () => readonly TimelineEntry[];

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };
const KIND_RANK: Record<TimelineKind, number> = { event: 0, seizure: 1, custody: 2, 'task-due': 3, 'task-done': 4 };

/** The first day a date of any precision stands for, YYYY-MM-DD ('' stays ''). */
export function firstDay(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Orders two entries (see the module doc). */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    firstDay(a.date).localeCompare(firstDay(b.date)) ||
    PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    a.label.localeCompare(b.label) ||
    a.recordId.localeCompare(b.recordId)
  );
}

/** Every entry of every source that has a date, in timeline order. */
export function assembleTimeline(sources: readonly TimelineSource[]): TimelineEntry[] {
  return sources
    .flatMap((s) => s())
    .filter((e) => e.date !== '')
    .sort(compareEntries);
}

/**
 * A date cut to its precision, as the timeline shows it: "2024-05-17", "2024-05", or for a year
 * `circa(year)` (the caller's catalogue sentence, e.g. "c. 2023").
 */
export function displayDate(date: string, precision: DatePrecision, circa: (year: string) => string): string {
  if (precision === 'year') return circa(date.slice(0, 4));
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

/** Timeline entries of case events. */
export function eventEntries(events: readonly CaseEvent[]): TimelineSource {
  return () => events.map((e) => ({ kind: 'event', recordId: e.id, date: e.date, precision: e.precision, label: e.text, source: e.source }));
}

/** The seizure fields the timeline reads (a Seizure or a projected seizure). */
export interface DatedSeizure {
  id: string;
  seizureDate: string;
  datePrecision: DatePrecision;
  commodity: string;
  taxon?: string;
  place?: string;
  sourceTitle?: string;
}

/** Timeline entries of seizures, by seizure date (cut to its precision). */
export function seizureEntries(seizures: readonly DatedSeizure[]): TimelineSource {
  return () =>
    seizures.map((s) => ({
      kind: 'seizure',
      recordId: s.id,
      date: cutTo(s.seizureDate, s.datePrecision),
      precision: s.datePrecision,
      label: [s.commodity, s.taxon ? `(${s.taxon})` : '', s.place ? `— ${s.place}` : ''].filter(Boolean).join(' '),
      source: s.sourceTitle ?? '',
    }));
}

/** Timeline entries of tasks: one on the due date (open tasks and done ones), one on the day a task was done. Cancelled tasks show neither. */
export function taskEntries(tasks: readonly Task[]): TimelineSource {
  return () =>
    tasks.flatMap((task): TimelineEntry[] => {
      if (task.status === 'cancelled') return [];
      const out: TimelineEntry[] = [];
      if (task.dueOn) out.push({ kind: 'task-due', recordId: task.id, date: task.dueOn, precision: 'day', label: task.title, source: task.agency });
      if (task.status === 'done' && task.doneOn) out.push({ kind: 'task-done', recordId: task.id, date: task.doneOn, precision: 'day', label: task.title, source: task.agency });
      return out;
    });
}

/**
 * Timeline entries of exhibits and custody hand-overs (shared/docs/custody-timeline.ts), on the
 * UTC day of their time; `describe` words each one (the caller's catalogue sentence).
 */
export function custodyEntries(events: readonly CustodyTimelineEvent[], describe: (e: CustodyTimelineEvent) => string): TimelineSource {
  return () =>
    events.map((e) => ({
      kind: 'custody',
      recordId: e.kind === 'custody-transfer' ? e.entryId : `created-${e.exhibitId}`,
      date: e.at > 0 ? new Date(e.at).toISOString().slice(0, 10) : '',
      precision: 'day',
      label: describe(e),
      source: e.reference,
    }));
}

/**
 * The timeline's period of a dated entry, the unit a large case's timeline is grouped and loaded
 * by: `YYYY-MM` for a date known to the day or month, `YYYY` for one known only to the year (its
 * own "c. YYYY" group, which comes before the year's months). '' for no date. The data service
 * counts and pages seizures by the same periods (`seizures.periods`, `seizures.page` `period`),
 * through {@link periodBounds}.
 */
export function timelinePeriod(date: string, precision: DatePrecision): string {
  if (!date) return '';
  return precision === 'year' ? date.slice(0, 4) : date.slice(0, 7);
}

/** A timeline period as written: `YYYY` (year-only dates) or `YYYY-MM`. */
export const TIMELINE_PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/**
 * What a period selects: the seizure dates that start with `prefix` (its own text), at year
 * precision (`yearOnly`, a `YYYY` period) or at day or month precision (a `YYYY-MM` period).
 * @throws Error when `period` is not a {@link TIMELINE_PERIOD}.
 */
export function periodBounds(period: string): { prefix: string; yearOnly: boolean } {
  if (!TIMELINE_PERIOD.test(period)) throw new Error(`not a timeline period: ${period}`);
  return { prefix: period, yearOnly: period.length === 4 };
}

/** Orders two periods: by year, the year-only period first, then the months in order. */
export function comparePeriods(a: string, b: string): number {
  return a.slice(0, 4).localeCompare(b.slice(0, 4)) || a.length - b.length || a.localeCompare(b);
}

/** `date` (YYYY-MM-DD or shorter) cut to what `precision` says is known. */
function cutTo(date: string, precision: DatePrecision): string {
  if (!date) return '';
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}
