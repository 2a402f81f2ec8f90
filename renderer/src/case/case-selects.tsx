/**
 * Selects of the layout-2 case fields (severity, PAP, resolution) and of a workspace member
 * (assignee), labelled from the catalogue so every screen uses the same words.
 */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { CASE_RESOLUTIONS, CASE_SEVERITIES, PAP_MARKINGS } from '../../../shared/domain/case';
import type { CaseRelation } from '../../../shared/domain/case-link';
import { t, type MessageId } from '../../../shared/messages';
import { useLiveQuery } from '../data/use-live-query';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'>;

/** The label of a severity 1–4 ("3 · High"). */
export function severityLabel(s: number): string {
  return `${s} · ${t('ui.case.severity', { value: s })}`;
}

/** How two cases relate ("Same network" …) from the catalogue. */
export function relationLabel(r: CaseRelation): string {
  return t('ui.case.links.relation', { relation: r.replace(/-/g, '_') });
}

/** The label of a resolution ('' reads "None"). */
export function resolutionLabel(r: string): string {
  return t(`ui.case.resolution.${r}` as MessageId);
}

/** Severity select (values 1–4 as strings). */
export function SeveritySelect(p: SelectProps): ReactNode {
  return (
    <select className="select" {...p}>
      {CASE_SEVERITIES.map((s) => (
        <option key={s} value={String(s)}>
          {severityLabel(s)}
        </option>
      ))}
    </select>
  );
}

/** PAP marking select. */
export function PapSelect(p: SelectProps): ReactNode {
  return (
    <select className="select" {...p}>
      {PAP_MARKINGS.map((m) => (
        <option key={m} value={m}>
          {t('ui.case.pap', { value: m })}
        </option>
      ))}
    </select>
  );
}

/** Resolution select, with "None" for an open case. */
export function ResolutionSelect(p: SelectProps): ReactNode {
  return (
    <select className="select" {...p}>
      {(['', ...CASE_RESOLUTIONS] as const).map((r) => (
        <option key={r} value={r}>
          {resolutionLabel(r)}
        </option>
      ))}
    </select>
  );
}

/** The workspace's members as id → name (live), for assignee selects and names in lists. */
export function useMemberNames(workspaceId: string): Map<string, string> {
  const members = useLiveQuery('members.list', { workspaceId });
  return new Map((members.data ?? []).map((m) => [m.id, m.name]));
}

/** Member select ("Unassigned" first). `members`: id → name. */
export function AssigneeSelect(p: SelectProps & { members: Map<string, string> }): ReactNode {
  const { members, ...rest } = p;
  const value = typeof rest.value === 'string' ? rest.value : '';
  return (
    <select className="select" {...rest}>
      <option value="">{t('ui.case.unassigned')}</option>
      {[...members].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
      {value && !members.has(value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}
