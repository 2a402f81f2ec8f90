/**
 * "Apply template" on an existing case: adds the template's tasks and fills only the case fields
 * that are still empty (shared/docs/apply-template.ts: never overwrites what a member wrote), in
 * one transaction attributed to the member, then says what was added.
 */
import { useState, type ReactNode } from 'react';
import { applyTemplateToCase } from '../../../shared/docs/apply-template';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { todayIso } from '../format/dates';
import { fieldName } from '../../../shared/activity/field-values';
import { useCaseTemplates } from './use-templates';
import { TemplateSelect } from './template-select';

/** The sentence saying what an application added ("Added 3 tasks and filled the sector and TLP."). */
export function appliedSentence(applied: { fields: string[]; tasks: number }): string {
  const fields = new Intl.ListFormat('en', { type: 'conjunction' }).format(applied.fields.map(fieldName));
  return t('ui.templates.applied', { tasks: applied.tasks, hasFields: applied.fields.length ? 'yes' : 'no', fields });
}

/** The "Apply template" dialog of a case. */
export function ApplyTemplateDialog(props: { workspaceId: string; caseDoc: CaseDoc; writer: Writer; onClose: () => void }): ReactNode {
  const { templates } = useCaseTemplates(props.workspaceId);
  const [id, setId] = useState('');
  const toast = useToast();
  const submit = (): boolean | void => {
    const tpl = templates.find((x) => x.id === id);
    if (!tpl) return false;
    const applied = applyTemplateToCase(props.caseDoc.doc, tpl, props.writer, todayIso(), false, () => crypto.randomUUID());
    toast(appliedSentence(applied));
    props.onClose();
  };
  return (
    <FormDialog title={t('ui.templates.apply-title')} description={t('ui.templates.apply-description')} onClose={props.onClose} submitLabel={t('ui.templates.apply')} submitDisabled={!id} onSubmit={submit}>
      <Field label={t('ui.templates.template')}>{(c) => <TemplateSelect {...c} templates={templates} value={id} onChange={(e) => setId(e.target.value)} noneLabel={t('ui.templates.choose')} />}</Field>
    </FormDialog>
  );
}
