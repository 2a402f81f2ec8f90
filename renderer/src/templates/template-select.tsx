/**
 * A select of the workspace's case templates ("No template" first), used by the new-case dialog
 * and "Apply template".
 */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import type { CaseTemplate } from '../../../shared/domain/case-template';
import { t } from '../../../shared/messages';

/** The template select; `value` is a template id or ''. */
export function TemplateSelect(p: SelectHTMLAttributes<HTMLSelectElement> & { templates: CaseTemplate[]; noneLabel?: string }): ReactNode {
  const { templates, noneLabel, ...rest } = p;
  return (
    <select className="select" {...rest}>
      <option value="">{noneLabel ?? t('ui.templates.none')}</option>
      {templates.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {t('ui.templates.option', { name: tpl.name, count: tpl.tasks.length })}
        </option>
      ))}
    </select>
  );
}
