/** The timeline assembly: sources merged in date order with precision, tasks' due and done dates. */
import { describe, expect, it } from 'vitest';
import { assembleTimeline, comparePeriods, custodyEntries, displayDate, eventEntries, periodBounds, seizureEntries, taskEntries, timelinePeriod, type TimelineEntry } from '../../../shared/timeline/timeline';
import type { Task } from '../../../shared/domain/task';
import type { CaseEvent } from '../../../shared/domain/case-event';

const stamps = { createdBy: 'a', createdAt: 0, updatedBy: 'a', updatedAt: 0 };
const task = (id: string, over: Partial<Task>): Task => ({ id, title: id, assignee: '', agency: '', dueOn: '', status: 'todo', doneOn: '', ...stamps, ...over });
const event = (id: string, date: string, precision: CaseEvent['precision'], text: string): CaseEvent => ({ id, date, precision, text, source: 'src', ...stamps });

describe('assembleTimeline', () => {
  it('orders entries of every precision and kind by date, precise before vague on the same first day', () => {
    const entries = assembleTimeline([
      eventEntries([event('e1', '2023', 'year', 'Network active'), event('e2', '2024-05', 'month', 'Shipment booked'), event('e3', '2024-05-01', 'day', 'Container loaded')]),
      seizureEntries([{ id: 's1', seizureDate: '2024-05-17', datePrecision: 'day', commodity: 'pangolin scales', place: 'Singapore' }, { id: 's2', seizureDate: '2024-01-01', datePrecision: 'year', commodity: 'ivory' }]),
      taskEntries([task('t1', { dueOn: '2024-06-01' }), task('t2', { status: 'done', dueOn: '2024-05-20', doneOn: '2024-05-18' }), task('t3', { status: 'cancelled', dueOn: '2024-05-19' }), task('t4', {})]),
    ]);
    expect(entries.map((e: TimelineEntry) => `${e.kind}:${e.recordId}:${e.date}`)).toEqual([
      'event:e1:2023',
      'seizure:s2:2024',
      'event:e3:2024-05-01',
      'event:e2:2024-05',
      'seizure:s1:2024-05-17',
      'task-done:t2:2024-05-18',
      'task-due:t2:2024-05-20',
      'task-due:t1:2024-06-01',
    ]);
    expect(entries.find((e) => e.recordId === 's1')?.label).toBe('pangolin scales — Singapore');
  });

  it('takes any further source, e.g. custody events, as one more function', () => {
    const custody = (): TimelineEntry[] => [{ kind: 'custody', recordId: 'x1', date: '2024-05-17', precision: 'day', label: 'Handed to HSA lab', source: '' }];
    const entries = assembleTimeline([custody, seizureEntries([{ id: 's1', seizureDate: '2024-05-17', datePrecision: 'day', commodity: 'scales' }])]);
    expect(entries.map((e) => e.kind)).toEqual(['seizure', 'custody']);
  });

  it('shows a date cut to its precision', () => {
    const circa = (y: string): string => `c. ${y}`;
    expect(displayDate('2024-05-17', 'day', circa)).toBe('2024-05-17');
    expect(displayDate('2024-05', 'month', circa)).toBe('2024-05');
    expect(displayDate('2023', 'year', circa)).toBe('c. 2023');
  });
});

describe('custody entries', () => {
  it('puts exhibit creations and hand-overs on their UTC day, worded by the caller, in date order with the rest', () => {
    const at = Date.UTC(2026, 10, 30, 23, 30);
    const source = custodyEntries(
      [
        { kind: 'exhibit-created', at, exhibitId: 'ex1', reference: 'SG-2026-0001/EX-001', description: 'tusk', by: 'm1' },
        { kind: 'custody-transfer', at: at + 3_600_000, exhibitId: 'ex1', reference: 'SG-2026-0001/EX-001', entryId: 'c1', releasedBy: 'Officer A', receivedBy: 'Lab B', place: 'Lab', corrected: false },
      ],
      (e) => (e.kind === 'exhibit-created' ? `created ${e.description}` : `${e.releasedBy} → ${e.receivedBy}`),
    );
    const out = assembleTimeline([source, eventEntries([{ id: 'e1', date: '2026-12', precision: 'month', text: 'raid', source: '' } as unknown as CaseEvent])]);
    expect(out.map((e) => [e.kind, e.date, e.label, e.recordId])).toEqual([
      ['custody', '2026-11-30', 'created tusk', 'created-ex1'],
      ['custody', '2026-12-01', 'Officer A → Lab B', 'c1'],
      ['event', '2026-12', 'raid', 'e1'],
    ]);
  });
});

describe('timeline periods', () => {
  it('puts a date known to the day or month in its month, one known to the year in the year, and orders them', () => {
    expect(timelinePeriod('2024-05-17', 'day')).toBe('2024-05');
    expect(timelinePeriod('2024-05-01', 'month')).toBe('2024-05');
    expect(timelinePeriod('2023-01-01', 'year')).toBe('2023');
    expect(timelinePeriod('', 'day')).toBe('');
    expect(['2024-01', '2023-12', '2024', '2023', '2024-10', '2024-02'].sort(comparePeriods)).toEqual(['2023', '2023-12', '2024', '2024-01', '2024-02', '2024-10']);
  });

  it('bounds a period by its prefix and refuses what is not one', () => {
    expect(periodBounds('2024-05')).toEqual({ prefix: '2024-05', yearOnly: false });
    expect(periodBounds('2023')).toEqual({ prefix: '2023', yearOnly: true });
    expect(() => periodBounds('2024-13')).toThrow(/not a timeline period/);
    expect(() => periodBounds('2024-05-01')).toThrow(/not a timeline period/);
  });
});
