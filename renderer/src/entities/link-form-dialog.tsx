/**
 * Adds a link from an entity to another entity or a seizure of the case: relationship, optional
 * dates and source. The seizure end is found with the seizure picker over the whole case, so a
 * seizure held in a volume doc can be linked: the service listed it as live, and that listing is
 * what `CaseDoc.addLink` checks it against (served-seizure-ends.ts); everything else is validated
 * there too (no self-link, end date not before start).
 */
import { kindLabel, relationshipLabel } from './entity-labels';
import { useState, type ReactNode } from 'react';
import type { CaseDoc, Entity } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { entityLabel } from '../../../shared/docs/case-entities';
import { newLinkFields, RELATIONSHIPS, type Relationship } from '../../../shared/domain/entity-links';
import { t } from '../../../shared/messages';
import { FormDialog } from '../ui/form-dialog';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { SeizurePicker } from '../case/seizure-picker';
import { servedSeizureEnds } from '../case/served-seizure-ends';

/** Props of {@link LinkFormDialog}. */
export interface LinkFormDialogProps {
  workspaceId: string;
  caseId: string;
  /** The case's number, shown on the seizure picker's options. */
  caseNumber: string;
  caseDoc: CaseDoc;
  writer: Writer;
  from: Entity;
  entities: Entity[];
  onClose: () => void;
}

/** What the link's other end is. */
type TargetKind = 'entity' | 'seizure';

/** The add-link dialog. */
export function LinkFormDialog(props: LinkFormDialogProps): ReactNode {
  const toast = useToast();
  const targets = props.entities.filter((e) => e.id !== props.from.id);
  const [kind, setKind] = useState<TargetKind>(targets.length ? 'entity' : 'seizure');
  const [entityId, setEntityId] = useState(targets[0]?.id ?? '');
  const [seizureId, setSeizureId] = useState<string | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('associate');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const to = kind === 'entity' ? entityId : (seizureId ?? '');

  const save = (): void => {
    // A picked seizure was listed live by the service (case doc or volume): that is the end's proof.
    const ends = kind === 'seizure' && seizureId ? servedSeizureEnds([seizureId]) : undefined;
    props.caseDoc.addLink(crypto.randomUUID(), { ...newLinkFields(props.from.id, to, relationship), startDate, endDate, source }, props.writer, ends);
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
        <fieldset className="fieldset">
          <legend className="field-label">{t('ui.seizure-picker.link-kind')}</legend>
          <div className="radio-cards">
            {(['entity', 'seizure'] as const).map((k) => (
              <label key={k} className="radio-card">
                <input type="radio" name="link-kind" checked={kind === k} disabled={k === 'entity' && !targets.length} onChange={() => setKind(k)} />
                <span className="radio-card-title">{t(`ui.seizure-picker.link-kind.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {kind === 'entity' ? (
          <Field label={t('entity.link-to')} error={errors.to} className="span-all">
            {(c) => (
              <select className="select" {...c} name="to" value={entityId} onChange={(e) => setEntityId(e.target.value)}>
                {targets.map((e) => (
                  <option key={e.id} value={e.id}>
                    {entityLabel(e)} — {kindLabel(e.kind)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field label={t('entity.link-to')} error={errors.to} className="span-all">
            {(c) => <SeizurePicker control={c} workspaceId={props.workspaceId} caseId={props.caseId} caseNumber={props.caseNumber} value={seizureId} onChange={(id) => setSeizureId(id)} />}
          </Field>
        )}
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
