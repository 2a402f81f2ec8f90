/**
 * Add or edit one of the workspace's own commodities: name, sector, usual unit, CITES term code,
 * other spellings (one a line), source and note. Checked with the shared schema on save; a name
 * the curated list or another entry already holds is refused by the doc view with the entry that
 * holds it, shown next to its field. Written to the workspace doc through `WorkspaceCommodities`.
 */
import { useState, type ReactNode } from 'react';
import type { WorkspaceCommodities } from '../../../shared/docs/workspace-commodities';
import type { Writer } from '../../../shared/docs/records';
import type { CrimeSector, QuantityUnit } from '../../../shared/domain/codes';
import { newWorkspaceCommodityFields, workspaceCommodityFieldsSchema, type WorkspaceCommodity } from '../../../shared/domain/workspace-commodity';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { SectorSelect, UnitSelect } from '../ui/code-selects';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';

/** Props of {@link CommodityFormDialog}. */
export interface CommodityFormDialogProps {
  view: WorkspaceCommodities;
  writer: Writer;
  /** The commodity to edit, or null to add one. */
  commodity: WorkspaceCommodity | null;
  onClose: () => void;
  /** Told the saved commodity's name. */
  onSaved: (name: string) => void;
}

/** The aliases textarea's lines, trimmed, blank lines dropped. */
function aliasLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The commodity form dialog. */
export function CommodityFormDialog(props: CommodityFormDialogProps): ReactNode {
  const c = props.commodity ?? { ...newWorkspaceCommodityFields(), id: '' };
  const [name, setName] = useState(c.name);
  const [sector, setSector] = useState<CrimeSector>(c.sector);
  const [unit, setUnit] = useState<QuantityUnit>(c.unit);
  const [cites, setCites] = useState(c.citesTerm ?? '');
  const [aliases, setAliases] = useState(c.aliases.join('\n'));
  const [source, setSource] = useState(c.source);
  const [note, setNote] = useState(c.note);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = (): false | void => {
    const fields = { name, sector, unit, citesTerm: cites.trim() === '' ? null : cites.trim().toUpperCase(), aliases: aliasLines(aliases), source, note };
    const parsed = workspaceCommodityFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return false;
    }
    // A taken name throws NestError with field issues: FormDialog hands them to onIssues.
    if (props.commodity) props.view.update(props.commodity.id, parsed.data, props.writer);
    else props.view.add(crypto.randomUUID(), parsed.data, props.writer);
    props.onSaved(parsed.data.name);
    props.onClose();
  };

  return (
    <FormDialog
      title={props.commodity ? t('ui.commodities.form.edit-title') : t('ui.commodities.form.add-title')}
      onClose={props.onClose}
      className="commodity-form"
      formClassName="dialog-body form-grid"
      submitLabel={props.commodity ? t('ui.commodities.form.submit-edit') : t('ui.commodities.form.submit-add')}
      onSubmit={save}
      onIssues={(issues) => setErrors(issueFieldErrors(issues))}
    >
      <Field label={t('ui.commodities.form.label.name')} error={errors.name} className="span-all">
        {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.sector')} error={errors.sector}>
        {(p) => <SectorSelect {...p} value={sector} onChange={(e) => setSector(e.target.value as CrimeSector)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.unit')} error={errors.unit} hint={t('ui.commodities.form.hint.unit')}>
        {(p) => <UnitSelect {...p} value={unit} onChange={(e) => setUnit(e.target.value as QuantityUnit)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.cites')} optional error={errors.citesTerm} hint={t('ui.commodities.form.hint.cites')}>
        {(p) => <input {...p} className="input mono" maxLength={3} value={cites} onChange={(e) => setCites(e.target.value)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.aliases')} optional error={errors.aliases} hint={t('ui.commodities.form.hint.aliases')} className="span-all">
        {(p) => <textarea {...p} className="input" rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.source')} optional error={errors.source} className="span-all">
        {(p) => <input {...p} className="input" value={source} onChange={(e) => setSource(e.target.value)} />}
      </Field>
      <Field label={t('ui.commodities.form.label.note')} optional error={errors.note} className="span-all">
        {(p) => <textarea {...p} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
