/**
 * The latest entries of a case's append-only audit log, in sentences: who did what to which
 * record, with old and new values (activity-sentence.ts, activity-records.ts), filterable by
 * member and by record, the member named with their agency ("A. Mwangi (KWS)"). It reads each entry through
 * {@link toAuditLine}, which never throws on an entry of a foreign shape, and refreshes whenever
 * an entry is added here or arrives from a colleague (valuation entries included, which change
 * no other part the case screen watches).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { t } from '../../../shared/messages';
import { useMembers } from '../hooks/use-members';
import { formatDateTime, formatRelative } from '../format/dates';
import { memberColor } from '../domain/member-color';
import { Avatar } from '../ui/avatar';
import { activitySentence, toAuditLine, type AuditLine } from '../../../shared/activity/activity-sentence';
import { recordKindOf, recordLabel } from '../../../shared/activity/activity-records';
import { caseActivityContext } from '../../../shared/activity/case-activity-context';

export { toAuditLine, type AuditLine } from '../../../shared/activity/activity-sentence';

/** Entries shown at first, newest first; "Show more" adds as many again. */
const SHOWN = 10;

/** The key an entry is filtered by in the record filter: 'case' for the case itself, else the record id ('' when the entry names none). */
function recordKey(e: AuditLine): string {
  return recordKindOf(e.action) === 'case' ? 'case' : (e.target ?? '');
}

/** The activity card, filterable by member and record. `version` changes when the case changed (the card also follows the audit log itself). */
export function ActivityLog(props: { caseDoc: CaseDoc; version: number; workspaceId: string }): ReactNode {
  const members = useMembers(props.workspaceId);
  const { caseDoc, version } = props;
  const [auditVersion, setAuditVersion] = useState(0);
  const [member, setMember] = useState('');
  const [record, setRecord] = useState('');
  const [limit, setLimit] = useState(SHOWN);
  useEffect(() => caseDoc.observeAudit(() => setAuditVersion((v) => v + 1)), [caseDoc]);
  const all = useMemo(() => {
    const lines: AuditLine[] = [];
    for (const raw of caseDoc.readAudit() as unknown[]) {
      const line = toAuditLine(raw);
      if (line) lines.push(line);
    }
    const ctx = caseActivityContext(caseDoc);
    return lines.reverse().map((line) => ({ line, sentence: activitySentence(line, ctx), key: recordKey(line), label: recordLabel(line, ctx) }));
  }, [caseDoc, version, auditVersion]);
  const memberName = (id: string): string => {
    const m = id ? members.get(id) : undefined;
    if (!m) return t('ui.case.activity.someone');
    return m.agency ? t('ui.case.activity.member-agency', { name: m.name, agency: m.agency }) : m.name;
  };
  const memberOptions = [...new Set(all.map((x) => x.line.by).filter(Boolean))].map((id) => ({ id, name: memberName(id) })).sort((a, b) => a.name.localeCompare(b.name));
  const recordOptions = [...new Map(all.filter((x) => x.key).map((x) => [x.key, x.label])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const matching = all.filter((x) => (!member || x.line.by === member) && (!record || x.key === record));
  const entries = matching.slice(0, limit);
  return (
    <section className="card" aria-labelledby="activity-title">
      <div className="card-header">
        <h2 id="activity-title">{t('ui.case.activity.title')}</h2>
        {all.length ? (
          <div className="activity-filters">
            <select className="select select-sm" aria-label={t('ui.case.activity.filter-member')} value={member} onChange={(e) => setMember(e.target.value)}>
              <option value="">{t('ui.case.activity.all-members')}</option>
              {memberOptions.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            <select className="select select-sm" aria-label={t('ui.case.activity.filter-record')} value={record} onChange={(e) => setRecord(e.target.value)}>
              <option value="">{t('ui.case.activity.all-records')}</option>
              {recordOptions.map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {entries.length ? (
        <ol className="activity" data-testid="activity-log">
          {entries.map(({ line: e, sentence }, i) => {
            const name = memberName(e.by);
            return (
              <li key={`${e.at}-${i}`}>
                <Avatar name={name} color={memberColor(e.by)} small />
                <span className="grow">
                  <strong>{name}</strong> {sentence}
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
        <p className="card-body muted">{all.length ? t('ui.case.activity.no-match') : t('ui.case.activity.empty')}</p>
      )}
      {matching.length > entries.length ? (
        <div className="card-footer">
          <button type="button" className="btn btn-sm" onClick={() => setLimit((n) => n + SHOWN)}>
            {t('ui.case.activity.show-more', { count: Math.min(SHOWN, matching.length - entries.length) })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
