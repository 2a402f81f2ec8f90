/**
 * The overview's second group of case fields (layout 2, after TheHive): severity, PAP,
 * resolution and closing date, assignee, participating agencies and tags. Each is saved on its
 * own through the overview's `save` (validated first, message beside the field); lists are
 * edited as comma-separated text.
 */
import type { ReactNode } from 'react';
import type { CaseFields, CaseMeta, CaseResolution, Pap, Severity } from '../../../shared/domain/case';
import { Field } from '../ui/field';
import type { FieldErrors } from '../forms/issues';
import { InlineText } from './inline-fields';
import { AssigneeSelect, PapSelect, ResolutionSelect, SeveritySelect, useMemberNames } from './case-selects';
import { t } from '../../../shared/messages';

/** Props of {@link CaseClassification}. */
export interface CaseClassificationProps {
  meta: CaseMeta;
  readOnly: boolean;
  errors: FieldErrors;
  workspaceId: string;
  save: <K extends keyof CaseFields>(field: K, value: CaseFields[K]) => boolean;
}

/** Comma-separated text → trimmed, non-empty entries. */
function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The classification fields of a case. */
export function CaseClassification(props: CaseClassificationProps): ReactNode {
  const { meta, readOnly, errors, save } = props;
  const members = useMemberNames(props.workspaceId);
  return (
    <>
      <Field label={t('ui.case.label.severity')} error={errors.severity}>
        {(c) => <SeveritySelect {...c} disabled={readOnly} value={String(meta.severity)} onChange={(e) => save('severity', Number(e.target.value) as Severity)} />}
      </Field>
      <Field label={t('ui.case.label.pap')} error={errors.pap}>
        {(c) => <PapSelect {...c} disabled={readOnly} value={meta.pap} onChange={(e) => save('pap', e.target.value as Pap)} />}
      </Field>
      <Field label={t('ui.case.label.resolution')} error={errors.resolution}>
        {(c) => <ResolutionSelect {...c} disabled={readOnly} value={meta.resolution} onChange={(e) => save('resolution', e.target.value as CaseResolution | '')} />}
      </Field>
      <Field label={t('ui.case.label.closedOn')} error={errors.closedOn}>
        {(c) => <InlineText control={c} type="date" value={meta.closedOn} disabled={readOnly || meta.status !== 'closed'} onCommit={(v) => save('closedOn', v)} />}
      </Field>
      <Field label={t('ui.case.label.assignee')} error={errors.assignee} className="span-all">
        {(c) => <AssigneeSelect {...c} members={members} disabled={readOnly} value={meta.assignee} onChange={(e) => save('assignee', e.target.value)} />}
      </Field>
      <Field label={t('ui.case.label.participatingAgencies')} error={errors.participatingAgencies} hint={t('ui.case.overview.edit-list-hint')} className="span-all">
        {(c) => <InlineText control={c} value={meta.participatingAgencies.join(', ')} disabled={readOnly} onCommit={(v) => save('participatingAgencies', splitList(v))} />}
      </Field>
      <Field label={t('ui.case.label.tags')} error={errors.tags} hint={t('ui.case.overview.edit-list-hint')} className="span-all">
        {(c) => <InlineText control={c} value={meta.tags.join(', ')} disabled={readOnly} onCommit={(v) => save('tags', splitList(v))} />}
      </Field>
    </>
  );
}
