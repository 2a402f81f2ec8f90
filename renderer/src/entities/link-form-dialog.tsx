/**
 * Adds a link from an entity to another entity or a seizure of the case: relationship, optional
 * dates and source. Saving goes through `CaseDoc.addLink` (validated there: no self-link, end date
 * not before start).
 */
import { kindLabel, relationshipLabel } from './entity-labels';
import { useState, type ReactNode } from 'react';
import type { CaseDoc, Entity } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { entityLabel } from '../../../shared/docs/case-entities';
import type { Seizure } from '../../../shared/domain/seizure';
import { newLinkFields, RELATIONSHIPS, type Relationship } from '../../../shared/domain/entity-links';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { formatSeizureDate } from '../format/dates';

/** Props of {@link LinkFormDialog}. */
export interface LinkFormDialogProps {
  caseDoc: CaseDoc;
  writer: Writer;
  from: Entity;
  entities: Entity[];
  seizures: Seizure[];
  onClose: () => void;
}

/** The add-link dialog. */
export function LinkFormDialog(props: LinkFormDialogProps): ReactNode {
  const toast = useToast();
  const targets = props.entities.filter((e) => e.id !== props.from.id);
  const [to, setTo] = useState(targets[0]?.id ?? props.seizures[0]?.id ?? '');
  const [relationship, setRelationship] = useState<Relationship>('associate');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = (): void => {
    props.caseDoc.addLink(crypto.randomUUID(), { ...newLinkFields(props.from.id, to, relationship), startDate, endDate, source }, props.writer);
    toast(t('entity.link-added'));
    props.onClose();
  };

  return (
    <FormDialog
      title={t('entity.add-link')}
      description={entityLabel(props.from)}
      onClose={props.onClose}
      submitLabel={t('entity.add-link')}
      submitDisabled={!to}
      onSubmit={save}
      onIssues={(issues) => setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])))}
    >
      <div className="form-grid form-grid-2">
        <Field label={t('entity.link-relationship')} error={errors.relationship}>
          {(c) => (
            <select className="select" {...c} name="relationship" value={relationship} onChange={(e) => setRelationship(e.target.value as Relationship)}>
              {RELATIONSHIPS.map((r) => (
                <option key={r} value={r}>
                  {relationshipLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('entity.link-to')} error={errors.to}>
          {(c) => (
            <select className="select" {...c} name="to" value={to} onChange={(e) => setTo(e.target.value)}>
              {targets.length ? (
                <optgroup label={t('entity.tab')}>
                  {targets.map((e) => (
                    <option key={e.id} value={e.id}>
                      {entityLabel(e)} — {kindLabel(e.kind)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {props.seizures.length ? (
                <optgroup label={t('chart.seizure')}>
                  {props.seizures.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.commodity} — {formatSeizureDate(s.seizureDate, s.datePrecision)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
        <Field label={t('entity.link-start')} optional error={errors.startDate}>
          {(c) => <input className="input" type="date" {...c} name="startDate" value={startDate} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={t('entity.link-end-date')} optional error={errors.endDate}>
          {(c) => <input className="input" type="date" {...c} name="endDate" value={endDate} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
        <Field label={t('entity.link-source')} optional error={errors.source} className="span-all">
          {(c) => <input className="input" {...c} name="source" value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
      </div>
    </FormDialog>
  );
}
