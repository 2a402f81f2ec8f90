/**
 * The latest entries of a case's append-only audit log, in words: who did what, when.
 */
import { useMemo, type ReactNode } from 'react';
import type { AuditEntry, CaseDoc } from '../../../shared/docs/case-doc';
import { useMembers } from '../hooks/use-members';
import { formatDateTime, formatRelative } from '../format/dates';
import { memberColor } from '../domain/member-color';
import { Avatar } from '../ui/avatar';

const FIELD_NAMES: Record<string, string> = { leadAgency: 'lead agency', openedOn: 'opening date', tlp: 'TLP marking', jurisdictions: 'jurisdictions' };

/** A sentence for one audit entry ("changed the title", "imported 59 records"). */
export function describeAudit(e: AuditEntry): string {
  const fields = e.fields?.map((f) => FIELD_NAMES[f] ?? f.replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ');
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
      return e.action;
  }
}

/** The activity card. */
export function ActivityLog(props: { caseDoc: CaseDoc; version: number; workspaceId: string }): ReactNode {
  const members = useMembers(props.workspaceId);
  const { caseDoc, version } = props;
  const entries = useMemo(() => caseDoc.readAudit().slice(-8).reverse(), [caseDoc, version]);
  return (
    <section className="card" aria-labelledby="activity-title">
      <div className="card-header">
        <h2 id="activity-title">Recent activity</h2>
      </div>
      {entries.length ? (
        <ol className="activity">
          {entries.map((e, i) => {
            const name = members.get(e.by)?.name ?? 'A member';
            return (
              <li key={`${e.at}-${i}`}>
                <Avatar name={name} color={memberColor(e.by)} small />
                <span className="grow">
                  <strong>{name}</strong> {describeAudit(e)}
                  <span className="activity-time" title={formatDateTime(e.at)}>
                    {formatRelative(e.at)}
                  </span>
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
