/**
 * The case template editor (admins): name, title prefix, default case fields (sector, TLP,
 * severity, lead agency, tags) and the bundle of tasks (template-tasks.ts), validated by the
 * shared schema and written to the workspace doc (CaseTemplates), new or edited.
 */
import { useState, type ReactNode } from 'react';
import type { CaseTemplates } from '../../../shared/docs/case-templates';
import type { Writer } from '../../../shared/docs/records';
import { caseTemplateFieldsSchema, type CaseTemplate, type CaseTemplateFields, type TemplateDefaults } from '../../../shared/domain/case-template';
import type { CrimeSector, Tlp } from '../../../shared/domain/codes';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { SectorSelect, TlpSelect } from '../ui/code-selects';
import { SeveritySelect } from '../case/case-selects';
import { zodFieldErrors, type FieldErrors } from '../forms/issues';
import { tasksToText, textToTasks } from './template-tasks';

/** The editor: `template` null for a new one. */
export function TemplateEditorDialog(props: { view: CaseTemplates; writer: Writer; template: CaseTemplate | null; onClose: () => void }): ReactNode {
  const tpl = props.template;
  const [name, setName] = useState(tpl?.name ?? '');
  const [prefix, setPrefix] = useState(tpl?.titlePrefix ?? '');
  const [defaults, setDefaults] = useState<TemplateDefaults>(tpl?.defaults ?? {});
  const [tags, setTags] = useState((tpl?.defaults.tags ?? []).join(', '));
  const [tasks, setTasks] = useState(tasksToText(tpl?.tasks ?? []));
  const [errors, setErrors] = useState<FieldErrors>({});
  const setDefault = <K extends keyof TemplateDefaults>(k: K, v: TemplateDefaults[K] | ''): void =>
    setDefaults((d) => {
      const next = { ...d };
      if (v === '' || v === undefined) delete next[k];
      else next[k] = v as TemplateDefaults[K];
      return next;
    });

  const submit = (): boolean | void => {
    const tagList = tags.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
    const fields: CaseTemplateFields = { name, titlePrefix: prefix, defaults: { ...defaults, ...(tagList.length ? { tags: tagList } : {}) }, tasks: textToTasks(tasks) };
    if (!tagList.length) delete fields.defaults.tags;
    const r = caseTemplateFieldsSchema.safeParse(fields);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return false;
    }
    if (tpl) props.view.update(tpl.id, r.data, props.writer);
    else props.view.add(crypto.randomUUID(), r.data, props.writer);
    props.onClose();
  };

  return (
    <FormDialog title={tpl ? t('ui.templates.edit-title', { name: tpl.name }) : t('ui.templates.new-title')} onClose={props.onClose} size="wide" submitLabel={t('ui.templates.save')} onSubmit={submit}>
      <div className="form-grid">
        <Field label={t('ui.templates.name')} error={errors.name || undefined}>
          {(c) => <input className="input" {...c} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
        </Field>
        <Field label={t('ui.templates.title-prefix')} error={errors.titlePrefix || undefined} optional hint={t('ui.templates.title-prefix-hint')}>
          {(c) => <input className="input" {...c} value={prefix} onChange={(e) => setPrefix(e.target.value)} />}
        </Field>
        <Field label={t('ui.cases.crime-sector')} optional>
          {(c) => <SectorSelect {...c} value={defaults.sector ?? ''} onChange={(e) => setDefault('sector', e.target.value as CrimeSector | '')} />}
        </Field>
        <Field label={t('ui.cases.tlp-marking')} optional>
          {(c) => <TlpSelect {...c} value={defaults.tlp ?? ''} onChange={(e) => setDefault('tlp', e.target.value as Tlp | '')} />}
        </Field>
        <Field label={t('ui.cases.col-severity')} optional>
          {(c) => <SeveritySelect {...c} value={defaults.severity ?? ''} onChange={(e) => setDefault('severity', e.target.value ? (Number(e.target.value) as 1 | 2 | 3 | 4) : '')} />}
        </Field>
        <Field label={t('ui.cases.lead-agency')} optional>
          {(c) => <input className="input" {...c} value={defaults.leadAgency ?? ''} onChange={(e) => setDefault('leadAgency', e.target.value)} />}
        </Field>
        <Field label={t('ui.templates.tags')} optional className="span-all" hint={t('ui.templates.tags-hint')}>
          {(c) => <input className="input" {...c} value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
        <Field label={t('ui.templates.tasks')} error={errors.tasks || undefined} optional className="span-all" hint={t('ui.templates.tasks-hint')}>
          {(c) => <textarea className="input" rows={6} {...c} value={tasks} onChange={(e) => setTasks(e.target.value)} />}
        </Field>
      </div>
    </FormDialog>
  );
}
