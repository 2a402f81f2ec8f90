/**
 * Recording a hand-over of an exhibit, or correcting one, in a FormDialog: released by, received
 * by, date and time (the member's local time, stored as UTC ms), place, purpose, seal intact
 * (yes/no; when not, the new seal number), condition. A correction is a new entry that points at
 * the corrected one (prefilled from it); nothing is ever edited or removed (`CaseCustody` only
 * appends). By default the receiver becomes the exhibit's current holder (an audited exhibit edit),
 * so the chain and the exhibit agree — for a correction only when it corrects the last hand-over.
 */
import { useState, type ReactNode } from 'react';
import type { CaseCustody } from '../../../shared/docs/case-custody';
import type { CaseExhibits } from '../../../shared/docs/case-exhibits';
import type { Writer } from '../../../shared/docs/records';
import { custodyFieldsSchema, custodyRefusals, samePerson, type CustodyEntry, type CustodyFields } from '../../../shared/domain/custody';
import type { Exhibit } from '../../../shared/domain/exhibit';
import { t } from '../../../shared/messages';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { fromLocalInput, toLocalInput } from './local-time';

/** Props of {@link CustodyEntryDialog}. */
export interface CustodyEntryDialogProps {
  custody: CaseCustody;
  exhibits: CaseExhibits;
  writer: Writer;
  exhibit: Exhibit;
  reference: string;
  /** The entry corrected; absent to record a new hand-over. */
  corrects?: CustodyEntry;
  /** The receiver of the last hand-over in force (the next releaser), if any. */
  lastReceiver?: string;
  /**
   * True when the entry corrected is the last hand-over in force: only then may its corrected
   * receiver become the current holder (a later hand-over already moved the exhibit on).
   */
  correctsLast?: boolean;
  /** Now, ms (tests fix it). */
  now?: number;
  onClose: () => void;
}

type Draft = Omit<CustodyFields, 'at'> & { at: string };

function draftOf(p: CustodyEntryDialogProps): Draft {
  const c = p.corrects;
  if (c) return { ...c, at: toLocalInput(c.at), corrects: c.id };
  return {
    exhibitId: p.exhibit.id,
    releasedBy: p.lastReceiver ?? p.exhibit.currentHolder,
    receivedBy: '',
    at: toLocalInput(p.now ?? Date.now()),
    place: '',
    purpose: '',
    sealIntact: true,
    newSealNumber: '',
    condition: '',
    corrects: null,
  };
}

/** The custody entry form. */
export function CustodyEntryDialog(props: CustodyEntryDialogProps): ReactNode {
  const [d, setD] = useState<Draft>(() => draftOf(props));
  const correcting = props.corrects !== undefined;
  // Offer to update the holder only when this entry ends the chain.
  const canMakeHolder = !correcting || props.correctsLast === true;
  const [holder, setHolder] = useState(canMakeHolder);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof Draft>(k: K, v: Draft[K]): void => setD((x) => ({ ...x, [k]: v }));
  const submit = (): boolean => {
    const at = fromLocalInput(d.at);
    const r = custodyFieldsSchema().safeParse({ ...d, at: at ?? -1, newSealNumber: d.sealIntact ? '' : d.newSealNumber });
    const refused = r.success && at !== null ? custodyRefusals(r.data, props.now ?? Date.now()) : [];
    if (!r.success || at === null || refused.length) {
      setErrors({
        ...(r.success ? {} : zodFieldErrors(r.error.issues)),
        ...(at === null ? { at: t('ui.exhibits.custody.bad-time') } : {}),
        ...Object.fromEntries(refused.map((x) => [x.field, t(x.id)])),
      });
      return false;
    }
    props.custody.record(crypto.randomUUID(), r.data, props.writer, (id) => props.exhibits.get(id) !== null);
    if (holder && !samePerson(props.exhibit.currentHolder, r.data.receivedBy)) props.exhibits.update(props.exhibit.id, { currentHolder: r.data.receivedBy }, props.writer);
    props.onClose();
    return true;
  };
  return (
    <FormDialog
      title={correcting ? t('ui.exhibits.custody.correct-title', { reference: props.reference }) : t('ui.exhibits.custody.record-title', { reference: props.reference })}
      description={correcting ? t('ui.exhibits.custody.correct-description') : t('ui.exhibits.custody.record-description')}
      size="wide"
      className="custody-dialog"
      submitLabel={correcting ? t('ui.exhibits.custody.correct-submit') : t('ui.exhibits.custody.record-submit')}
      submitIcon="check"
      onClose={props.onClose}
      onSubmit={submit}
      onIssues={(i) => setErrors(issueFieldErrors(i))}
      formClassName="dialog-body form-grid"
    >
      <Field label={t('ui.exhibits.custody.released-by')} error={errors.releasedBy}>
        {(c) => <input {...c} className="input" value={d.releasedBy} onChange={(e) => set('releasedBy', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.custody.received-by')} error={errors.receivedBy}>
        {(c) => <input {...c} className="input" value={d.receivedBy} onChange={(e) => set('receivedBy', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.custody.at')} error={errors.at} hint={t('ui.exhibits.custody.at-hint')}>
        {(c) => <input {...c} className="input" type="datetime-local" value={d.at} onChange={(e) => set('at', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.custody.place')} error={errors.place} optional>
        {(c) => <input {...c} className="input" value={d.place} onChange={(e) => set('place', e.target.value)} />}
      </Field>
      <Field label={t('ui.exhibits.custody.purpose')} error={errors.purpose} optional className="span-all">
        {(c) => <input {...c} className="input" value={d.purpose} onChange={(e) => set('purpose', e.target.value)} />}
      </Field>
      <fieldset className="custody-seal">
        <legend className="field-label">{t('ui.exhibits.custody.seal')}</legend>
        <label>
          <input type="radio" name="seal" checked={d.sealIntact} onChange={() => set('sealIntact', true)} /> {t('ui.exhibits.custody.seal-yes')}
        </label>{' '}
        <label>
          <input type="radio" name="seal" checked={!d.sealIntact} onChange={() => set('sealIntact', false)} /> {t('ui.exhibits.custody.seal-no')}
        </label>
      </fieldset>
      {!d.sealIntact ? (
        <Field label={t('ui.exhibits.custody.new-seal')} error={errors.newSealNumber}>
          {(c) => <input {...c} className="input mono" value={d.newSealNumber} onChange={(e) => set('newSealNumber', e.target.value)} />}
        </Field>
      ) : (
        <span />
      )}
      <Field label={t('ui.exhibits.custody.condition')} error={errors.condition} optional className="span-all">
        {(c) => <input {...c} className="input" value={d.condition} onChange={(e) => set('condition', e.target.value)} />}
      </Field>
      {canMakeHolder ? (
        <label className="span-all checkbox-line">
          <input type="checkbox" checked={holder} onChange={(e) => setHolder(e.target.checked)} /> {t('ui.exhibits.custody.make-holder')}
        </label>
      ) : null}
    </FormDialog>
  );
}
