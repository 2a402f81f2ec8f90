/**
 * The latest entries of a case's append-only audit log, in sentences: who did what to which
 * record, with old and new values (activity-sentence.ts). It reads each entry through
 * {@link toAuditLine}, which never throws on an entry of a foreign shape, and refreshes whenever
 * an entry is added here or arrives from a colleague (valuation entries included, which change
 * no other part the case screen watches).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { CaseValuations } from '../../../shared/docs/case-valuations';
import { t } from '../../../shared/messages';
import { useMembers } from '../hooks/use-members';
import { formatDateTime, formatRelative } from '../format/dates';
import { memberColor } from '../domain/member-color';
import { Avatar } from '../ui/avatar';
import { activitySentence, toAuditLine, type ActivityContext, type AuditLine } from './activity-sentence';

export { toAuditLine, type AuditLine } from './activity-sentence';

/** Entries shown, newest first. */
const SHOWN = 10;

/** How the activity log names a case's records: from its doc, deleted records included. */
export function caseActivityContext(caseDoc: CaseDoc): ActivityContext {
  const valuations = new CaseValuations(caseDoc.doc);
  return {
    seizure: (id) => {
      const s = caseDoc.getSeizureEvenDeleted(id);
      return s ? { commodity: s.commodity, taxon: s.taxon } : null;
    },
    route: (id) => caseDoc.routeName(id),
    valuationSeizure: (id) => valuations.seizureOfValuation(id),
  };
}

/** The activity card. `version` changes when the case changed (the card also follows the audit log itself). */
export function ActivityLog(props: { caseDoc: CaseDoc; version: number; workspaceId: string }): ReactNode {
  const members = useMembers(props.workspaceId);
  const { caseDoc, version } = props;
  const [auditVersion, setAuditVersion] = useState(0);
  useEffect(() => caseDoc.observeAudit(() => setAuditVersion((v) => v + 1)), [caseDoc]);
  const entries = useMemo(() => {
    const lines: AuditLine[] = [];
    for (const raw of caseDoc.readAudit() as unknown[]) {
      const line = toAuditLine(raw);
      if (line) lines.push(line);
    }
    const ctx = caseActivityContext(caseDoc);
    return lines
      .slice(-SHOWN)
      .reverse()
      .map((line) => ({ line, sentence: activitySentence(line, ctx) }));
  }, [caseDoc, version, auditVersion]);
  return (
    <section className="card" aria-labelledby="activity-title">
      <div className="card-header">
        <h2 id="activity-title">{t('ui.case.activity.title')}</h2>
      </div>
      {entries.length ? (
        <ol className="activity" data-testid="activity-log">
          {entries.map(({ line: e, sentence }, i) => {
            const name = (e.by ? members.get(e.by)?.name : undefined) ?? t('ui.case.activity.someone');
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
        <p className="card-body muted">{t('ui.case.activity.empty')}</p>
      )}
    </section>
  );
}
