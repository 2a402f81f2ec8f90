/**
 * Adds or edits an entity: the kind's fields (entity-form.ts), each checked while typing with the
 * case doc's own schema, so an IMO number with a wrong check digit or a mistyped IBAN shows the
 * catalogue's reason next to the field. Saving goes through `CaseDoc.addEntity` / `updateEntity`.
 */
import { kindLabel, addKindLabel } from './entity-labels';
import { useState, type ReactNode } from 'react';
import type { CaseDoc, Entity } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { entityFields } from '../../../shared/docs/case-entities';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/entities';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { checkAll, checkField, draftOf, fieldLabel, fieldsOf, FORM_FIELDS, type Draft } from './entity-form';

/** Props of {@link EntityFormDialog}. `entity` null: adding. */
export interface EntityFormDialogProps {
  caseDoc: CaseDoc;
  writer: Writer;
  entity: Entity | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** The add/edit entity dialog. */
export function EntityFormDialog(props: EntityFormDialogProps): ReactNode {
  const { entity } = props;
  const toast = useToast();
  const [kind, setKind] = useState<EntityKind>(entity?.kind ?? 'person');
  const [draft, setDraft] = useState<Draft>(() => draftOf(entity?.kind ?? 'person', entity ? entityFields(entity) : null));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = (field: string, value: string): void => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    // Live check once the field has a message (or on blur, below): no error while first typing.
    if (errors[field] !== undefined) setErrors((e) => ({ ...e, [field]: checkField(kind, field, next) ?? '' }));
  };
  const blur = (field: string) => (): void => setErrors((e) => ({ ...e, [field]: checkField(kind, field, draft) ?? '' }));

  const save = (): boolean => {
    const found = checkAll(kind, draft);
    setErrors(found);
    if (Object.keys(found).length) return false;
    const fields = fieldsOf(kind, draft, entity ? entityFields(entity) : null);
    if (entity) {
      const { kind: _k, ...patch } = fields;
      props.caseDoc.updateEntity(entity.id, patch, props.writer);
      props.onSaved(entity.id);
    } else {
      const id = crypto.randomUUID();
      props.caseDoc.addEntity(id, fields, props.writer);
      toast(t('entity.added', { kind: kind.replace(/-/g, '_') }));
      props.onSaved(id);
    }
    props.onClose();
    return true;
  };

  return (
    <FormDialog
      title={entity ? t('entity.edit', { name: kindLabel(kind) }) : t('entity.add')}
      description={t('entity.form-description')}
      onClose={props.onClose}
      size="wide"
      className="entity-dialog"
      submitLabel={entity ? t('entity.save') : addKindLabel(kind)}
      onSubmit={save}
      onIssues={(issues) => setErrors(Object.fromEntries(issues.map((i) => [i.field.split('.')[0]!, i.message])))}
    >
      {entity ? null : (
        <div className="entity-kind-picker" role="radiogroup" aria-label={t('entity.col-kind')}>
          {ENTITY_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={k === kind}
              className={`chip${k === kind ? ' chip-selected' : ''}`}
              data-kind={k}
              onClick={() => {
                setKind(k);
                setDraft(draftOf(k, null));
                setErrors({});
              }}
            >
              {kindLabel(k)}
            </button>
          ))}
        </div>
      )}
      <div className="form-grid form-grid-2">
        {FORM_FIELDS[kind].map((f) => (
          <Field key={`${kind}-${f.field}`} label={fieldLabel(f.field)} error={errors[f.field] || undefined} optional={!f.required} className={f.wide ? 'span-all' : undefined}>
            {(c) =>
              f.type === 'long' || f.type === 'lines' ? (
                <textarea className="input textarea" rows={f.type === 'long' ? 3 : 2} {...c} name={f.field} value={draft[f.field] ?? ''} onChange={(e) => set(f.field, e.target.value)} onBlur={blur(f.field)} />
              ) : (
                <input
                  className="input"
                  type={f.type === 'date' ? 'date' : 'text'}
                  inputMode={f.type === 'number' ? 'decimal' : undefined}
                  {...c}
                  name={f.field}
                  value={draft[f.field] ?? ''}
                  onChange={(e) => set(f.field, e.target.value)}
                  onBlur={blur(f.field)}
                />
              )
            }
          </Field>
        ))}
      </div>
    </FormDialog>
  );
}
