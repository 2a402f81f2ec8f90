/**
 * The latest entries of a case's append-only audit log, in words: who did what, when.
 *
 * The log is shared: any replica appends to it, so an entry may have any shape (`null`, a number,
 * `{ by: 5 }` from a buggy or hostile peer). `CaseDoc.readAudit()` leaves out entries without the
 * audit shape; this view does not rely on it and reads each entry through {@link toAuditLine},
 * which never throws: anything that is not an object is skipped, and each field that is missing
 * or of the wrong type reads as "unknown" (an unknown member, no time, "made a change").
 */
import { useMemo, type ReactNode } from 'react';
import type { AuditEntry, CaseDoc } from '../../../shared/docs/case-doc';
import { useMembers } from '../hooks/use-members';
import { formatDateTime, formatRelative } from '../format/dates';
import { memberColor } from '../domain/member-color';
import { Avatar } from '../ui/avatar';

const FIELD_NAMES: Record<string, string> = { leadAgency: 'lead agency', openedOn: 'opening date', tlp: 'TLP marking', jurisdictions: 'jurisdictions' };

/** One audit entry as shown: every field of the right type, or absent. `at` is 0 when unknown. */
export interface AuditLine {
  at: number;
  by: string;
  action: string;
  target?: string;
  fields?: string[];
  count?: number;
}

/** Reads one raw audit entry of any shape; null when it is not an object (nothing to show). Never throws. */
export function toAuditLine(raw: unknown): AuditLine | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const e = raw as Record<string, unknown>;
  const line: AuditLine = {
    at: typeof e.at === 'number' && Number.isFinite(e.at) && e.at > 0 ? e.at : 0,
    by: typeof e.by === 'string' ? e.by : '',
    action: typeof e.action === 'string' ? e.action : '',
  };
  if (typeof e.target === 'string') line.target = e.target;
  if (Array.isArray(e.fields)) line.fields = e.fields.filter((f): f is string => typeof f === 'string');
  if (typeof e.count === 'number' && Number.isFinite(e.count)) line.count = e.count;
  return line;
}

/** A sentence for one audit entry ("changed the title", "imported 59 records"). */
export function describeAudit(e: AuditEntry | AuditLine): string {
  const fields = e.fields?.length ? e.fields.map((f) => FIELD_NAMES[f] ?? f.replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ') : undefined;
  switch (e.action) {
    case 'case.create':
      return 'created the case';
    case 'case.update':
      return `changed the ${fields ?? 'case details'}`;
    case 'case.import':
      return `imported ${e.count ?? 0} record${e.count === 1 ? '' : 's'}${e.target ? ` from ${e.target}` : ''}`;
    case 'seizure.add':
      return 'added a seizure';
    case 'seizure.import':
      return `added ${e.count ?? 0} seizures`;
    case 'seizure.update':
      return `edited a seizure (${fields ?? 'fields'})`;
    case 'seizure.delete':
      return 'deleted a seizure';
    case 'route.add':
      return `added ${e.count ?? 1} route${e.count === 1 ? '' : 's'}`;
    case 'route.delete':
      return 'deleted a route';
    default:
      return e.action || 'made a change';
  }
}

/** The activity card. */
export function ActivityLog(props: { caseDoc: CaseDoc; version: number; workspaceId: string }): ReactNode {
  const members = useMembers(props.workspaceId);
  const { caseDoc, version } = props;
  const entries = useMemo(() => {
    const lines: AuditLine[] = [];
    for (const raw of caseDoc.readAudit() as unknown[]) {
      const line = toAuditLine(raw);
      if (line) lines.push(line);
    }
    return lines.slice(-8).reverse();
  }, [caseDoc, version]);
  return (
    <section className="card" aria-labelledby="activity-title">
      <div className="card-header">
        <h2 id="activity-title">Recent activity</h2>
      </div>
      {entries.length ? (
        <ol className="activity">
          {entries.map((e, i) => {
            const name = (e.by ? members.get(e.by)?.name : undefined) ?? 'A member';
            return (
              <li key={`${e.at}-${i}`}>
                <Avatar name={name} color={memberColor(e.by)} small />
                <span className="grow">
                  <strong>{name}</strong> {describeAudit(e)}
                  {e.at ? (
                    <span className="activity-time" title={formatDateTime(e.at)}>
                      {formatRelative(e.at)}
                    </span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="card-body muted">Nothing has happened in this case yet.</p>
      )}
    </section>
  );
}
