/**
 * Add or edit a seizure. Every field is checked with the shared seizure schemas when it loses
 * focus and again on save (including the cross-field rules: both coordinates or neither; a
 * value needs its currency); messages appear next to their fields and nothing is written while
 * one remains. Adding goes through seizure-writes.ts `addSeizure` (the case doc, or a volume once it is full); an edit goes where the seizure lives
 * (seizure-writes.ts `updateSeizure`: the replica's case doc, or the data service for a seizure
 * held in a volume doc, with the same validation, audit and field history).
 *
 * Editing is collaborative: the dialog keeps only the fields the user changed. Every other field
 * shows the live seizure (a colleague's change appears while the dialog is open), and saving sends
 * only the fields whose text differs from what the dialog showed when it opened, so it never writes
 * back a value someone else changed meanwhile.
 *
 * Adding: the seizing country starts as the case's first jurisdiction, or empty (and required)
 * when the case has none — never a guessed country.
 */
import { useState, type ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import type { Writer } from '../../../shared/docs/records';
import { newSeizureFields, type Seizure, type SeizureFields } from '../../../shared/domain/seizure';
import type { CitesAppendix, ConcealmentMethod, CrimeSector, DatePrecision, DetectionMethod, LocationPrecision, QuantityUnit, TransportMode } from '../../../shared/domain/codes';
import { CURATED_CATALOGUE, type CommodityCatalogue } from '../../../shared/domain/commodities';
import { suggestTaxa } from '../../../shared/domain/species';
import { ConcealmentMethodSelect, DetectionMethodSelect, OptionalLocationPrecisionSelect, OptionalUnitSelect, TransportModeSelect } from './seizure-selects';
import { commodityHint, taxonHint } from './seizure-checks';
import { FormDialog } from '../ui/form-dialog';
import { Field, type FieldControlProps } from '../ui/field';
import { CountryPicker, countryOptions } from '../ui/country-picker';
import { CitesSelect, DatePrecisionSelect, SectorSelect } from '../ui/code-selects';
import { Notice } from '../ui/states';
import { useToast } from '../ui/toast';
import { COMMON_CURRENCIES } from '../domain/labels';
import { issueFieldErrors, type FieldErrors } from '../forms/issues';
import { todayIso } from '../format/dates';
import { checkDraftField, draftToFields, sameDraftValue, toDraft, type SeizureDraft } from './seizure-draft';
import { t } from '../../../shared/messages';
import { addSeizure, seizureIssues, updateSeizure, useSeizureWriteTarget } from './seizure-writes';

/** Props of {@link SeizureFormDialog}. */
export interface SeizureFormDialogProps {
  caseDoc: CaseDoc;
  writer: Writer;
  /** The workspace (an edit of a seizure held in a volume doc goes to its data service). */
  workspaceId: string;
  /** The seizure to edit (its live version: it may change while the dialog is open), or null to add one. */
  seizure: Seizure | null;
  /** True when the seizure being edited was deleted meanwhile (by someone else): it can no longer be saved. */
  deleted?: boolean;
  defaultSector: CrimeSector;
  /** The country a new seizure starts with: the case's first jurisdiction, or '' (the user must choose). */
  defaultCountry: string;
  /** The workspace's commodity catalogue (curated list plus its own names): the suggestions and the "not in the list" hint. */
  commodities?: CommodityCatalogue;
  onClose: () => void;
  onSaved: (id: string) => void;
}

function fieldsOf(s: Seizure): SeizureFields {
  const { id: _i, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...f } = s;
  return f;
}

/** The seizure form dialog. */
export function SeizureFormDialog(props: SeizureFormDialogProps): ReactNode {
  const { caseDoc, writer, seizure, commodities = CURATED_CATALOGUE } = props;
  const toast = useToast();
  const to = useSeizureWriteTarget(caseDoc, writer, props.workspaceId);
  // What the form showed when it opened; a field counts as changed when its text differs from this.
  const [opened] = useState<SeizureDraft>(() =>
    toDraft(seizure ? fieldsOf(seizure) : { ...newSeizureFields(todayIso()), sector: props.defaultSector, country: props.defaultCountry }),
  );
  // Only what the user typed or picked; every other field follows the live seizure.
  const [edits, setEdits] = useState<Partial<SeizureDraft>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const draft: SeizureDraft = { ...(seizure ? toDraft(fieldsOf(seizure)) : opened), ...edits };
  const changed = (Object.keys(edits) as (keyof SeizureDraft)[]).filter((k) => !sameDraftValue(edits[k], opened[k]));

  const set = <K extends keyof SeizureDraft>(k: K, v: SeizureDraft[K]): void => {
    setEdits((d) => ({ ...d, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: checkDraftField(k, { ...draft, [k]: v }) ?? '' }));
  };
  // The species list's appendix is shown beside the taxon (seizure-checks.tsx), never written into
  // the record by itself: the bundled list is not verified entry by entry against Species+, and an
  // appendix is a fact of the record that the member states.
  const setTaxon = (v: string): void => set('taxon', v);
  const toggleMissed = (code: string, on: boolean): void =>
    set('missedTransitCountries', on ? [...draft.missedTransitCountries.filter((c) => c !== code), code] : draft.missedTransitCountries.filter((c) => c !== code));
  const blur = (k: keyof SeizureDraft) => (): void => setErrors((e) => ({ ...e, [k]: checkDraftField(k, draft) ?? '' }));
  const err = (k: keyof SeizureDraft): string | undefined => errors[k] || undefined;
  const text = (k: keyof SeizureDraft, c: FieldControlProps, extra: { placeholder?: string; inputMode?: 'decimal'; className?: string } = {}): ReactNode => (
    <input className={`input${extra.className ? ` ${extra.className}` : ''}`} {...c} inputMode={extra.inputMode} placeholder={extra.placeholder} value={String(draft[k])} onChange={(e) => set(k, e.target.value as never)} onBlur={blur(k)} />
  );

  const save = (): false | void | Promise<void> => {
    const r = draftToFields(draft);
    if (!r.ok) {
      // FormDialog then focuses the first invalid field.
      setErrors(r.errors);
      return false;
    }
    // A refused write throws or rejects (NestError / RpcError with field issues): FormDialog shows it.
    if (seizure) {
      // Only the fields the user changed: the others may have been changed by someone else meanwhile.
      const patch = Object.fromEntries(changed.map((k) => [k, r.fields[k]])) as Partial<SeizureFields>;
      const id = seizure.id;
      const done = (): void => {
        props.onSaved(id);
        props.onClose();
      };
      if (!changed.length) return done();
      return updateSeizure(to, id, patch).then(() => {
        toast(t('ui.case.form.saved'));
        done();
      });
    } else {
      const id = crypto.randomUUID();
      return addSeizure(to, id, r.fields).then(() => {
        toast(t('ui.case.form.added'));
        props.onSaved(id);
        props.onClose();
      });
    }
  };

  const countries = countryOptions();
  const errorCount = Object.values(errors).filter(Boolean).length;

  return (
    <FormDialog
      title={seizure ? t('ui.case.form.title-edit') : t('ui.case.form.title-add')}
      description={seizure ? t('ui.case.form.description-edit') : t('ui.case.form.description-add')}
      onClose={props.onClose}
      size="xwide"
      className="seizure-dialog"
      footerNote={errorCount ? t('ui.case.form.attention', { count: errorCount }) : t('ui.case.form.optional-note')}
      submitLabel={seizure ? t('ui.case.form.submit-edit') : t('ui.case.form.submit-add')}
      onSubmit={save}
      onIssues={(issues) => setErrors(issueFieldErrors(seizureIssues(issues)))}
    >
        {props.deleted ? (
          <Notice kind="warning" icon="alert">
            {t('ui.case.form.deleted')}
          </Notice>
        ) : null}
        <section className="form-section">
          <h3 className="form-section-title">{t('ui.case.form.section-what')}</h3>
          <div className="form-grid form-grid-3">
            <F k="commodity" label={t('ui.case.form.label.commodity')} err={err} className="span-2" hint={commodityHint(draft.commodity, commodities) ?? t('ui.case.form.hint.commodity')}>
              {(c) => (
                <>
                  <input className="input" {...c} list="seizure-commodities" value={draft.commodity} onChange={(e) => set('commodity', e.target.value)} onBlur={blur('commodity')} />
                  <datalist id="seizure-commodities">
                    {commodities.names().map((n) => (
                      <option key={n} value={n} />
                    ))}
                  </datalist>
                </>
              )}
            </F>
            <F k="sector" label={t('ui.case.form.label.sector')} err={err}>
              {(c) => <SectorSelect {...c} value={draft.sector} onChange={(e) => set('sector', e.target.value as CrimeSector)} />}
            </F>
            <F k="taxon" label={t('ui.case.form.label.taxon')} err={err} optional className="span-2" hint={taxonHint(draft.taxon)}>
              {(c) => (
                <>
                  <input className="input taxon" {...c} list="seizure-taxa" placeholder={t('ui.case.form.placeholder.taxon')} value={draft.taxon} onChange={(e) => setTaxon(e.target.value)} onBlur={blur('taxon')} />
                  <datalist id="seizure-taxa">
                    {suggestTaxa(draft.taxon).map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.common}
                      </option>
                    ))}
                  </datalist>
                </>
              )}
            </F>
            <F k="citesAppendix" label={t('ui.case.form.label.citesAppendix')} err={err}>
              {(c) => <CitesSelect {...c} value={draft.citesAppendix} onChange={(e) => set('citesAppendix', e.target.value as CitesAppendix | '')} />}
            </F>
            <F k="quantity" label={t('ui.case.form.label.quantity')} err={err} optional>
              {(c) => text('quantity', c, { inputMode: 'decimal', placeholder: t('ui.case.form.placeholder.quantity') })}
            </F>
            <F k="unit" label={t('ui.case.form.label.unit')} err={err}>
              {(c) => <OptionalUnitSelect {...c} value={draft.unit} onChange={(e) => set('unit', e.target.value as QuantityUnit | '')} />}
            </F>
          </div>
        </section>
        <section className="form-section">
          <h3 className="form-section-title">{t('ui.case.form.section-when-where')}</h3>
          <div className="form-grid form-grid-3">
            <F k="seizureDate" label={t('ui.case.form.label.seizureDate')} err={err}>
              {(c) => <input className="input" type="date" {...c} value={draft.seizureDate} onChange={(e) => set('seizureDate', e.target.value)} onBlur={blur('seizureDate')} />}
            </F>
            <F k="datePrecision" label={t('ui.case.form.label.datePrecision')} err={err}>
              {(c) => <DatePrecisionSelect {...c} value={draft.datePrecision} onChange={(e) => set('datePrecision', e.target.value as DatePrecision)} />}
            </F>
            <F k="country" label={t('ui.case.form.label.country')} err={err} hint={draft.country ? undefined : t('ui.case.form.hint.country')}>
              {(c) => (
                <select className="select" {...c} value={draft.country} onChange={(e) => set('country', e.target.value)} onBlur={blur('country')}>
                  <option value="">{t('ui.case.form.choose-country')}</option>
                  {draft.country && !countries.some((o) => o.code === draft.country) ? <option value={draft.country}>{t('ui.case.form.invalid-country', { code: draft.country })}</option> : null}
                  {countries.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </F>
            <F k="place" label={t('ui.case.form.label.place')} err={err} optional className="span-2">
              {(c) => text('place', c, { placeholder: t('ui.case.form.placeholder.place') })}
            </F>
            <F k="locationPrecision" label={t('ui.case.form.label.locationPrecision')} err={err}>
              {(c) => <OptionalLocationPrecisionSelect {...c} value={draft.locationPrecision} onChange={(e) => set('locationPrecision', e.target.value as LocationPrecision | '')} />}
            </F>
            <F k="latitude" label={t('ui.case.form.label.latitude')} err={err} optional hint={t('ui.case.form.hint.latitude')}>
              {(c) => text('latitude', c, { inputMode: 'decimal', placeholder: t('ui.case.form.placeholder.latitude') })}
            </F>
            <F k="longitude" label={t('ui.case.form.label.longitude')} err={err} optional hint={t('ui.case.form.hint.longitude')}>
              {(c) => text('longitude', c, { inputMode: 'decimal', placeholder: t('ui.case.form.placeholder.longitude') })}
            </F>
          </div>
        </section>
        <section className="form-section">
          <h3 className="form-section-title">{t('ui.case.form.section-route')}</h3>
          <div className="form-grid form-grid-3">
            <F k="originCountries" label={t('ui.case.form.label.originCountries')} err={err} optional>
              {(c) => <CountryPicker control={c} value={draft.originCountries} onChange={(v) => set('originCountries', v)} placeholder={t('ui.case.form.placeholder.country')} />}
            </F>
            <F k="exportCountries" label={t('seizure.label.exportCountries')} err={err} optional hint={t('seizure.hint.exportCountries')}>
              {(c) => <CountryPicker control={c} value={draft.exportCountries} onChange={(v) => set('exportCountries', v)} placeholder={t('ui.case.form.placeholder.country')} />}
            </F>
            <F k="transitCountries" label={t('ui.case.form.label.transitCountries')} err={err} optional>
              {(c) => <CountryPicker control={c} value={draft.transitCountries} onChange={(v) => set('transitCountries', v)} placeholder={t('ui.case.form.placeholder.country')} />}
            </F>
            <F k="missedTransitCountries" label={t('seizure.label.missedTransitCountries')} err={err} optional hint={t('seizure.hint.missedTransitCountries')}>
              {(c) => (
                <span id={c.id} className="missed-transit">
                  {draft.transitCountries.length === 0 ? <span className="muted">—</span> : null}
                  {draft.transitCountries.map((code) => (
                    <label key={code} className="check-inline">
                      <input type="checkbox" checked={draft.missedTransitCountries.includes(code)} onChange={(e) => toggleMissed(code, e.target.checked)} /> {code}
                    </label>
                  ))}
                </span>
              )}
            </F>
            <F k="destinationCountries" label={t('ui.case.form.label.destinationCountries')} err={err} optional>
              {(c) => <CountryPicker control={c} value={draft.destinationCountries} onChange={(v) => set('destinationCountries', v)} placeholder={t('ui.case.form.placeholder.country')} />}
            </F>
            <F k="seizingAgencies" label={t('ui.case.form.label.seizingAgencies')} err={err} optional className="span-2" hint={t('ui.case.form.hint.seizingAgencies')}>
              {(c) => text('seizingAgencies', c, { placeholder: t('ui.case.form.placeholder.seizingAgencies') })}
            </F>
            <F k="operation" label={t('ui.case.form.label.operation')} err={err} optional>
              {(c) => text('operation', c, { placeholder: t('ui.case.form.placeholder.operation') })}
            </F>
          </div>
        </section>
        <section className="form-section">
          <h3 className="form-section-title">{t('seizure.section-how')}</h3>
          <div className="form-grid form-grid-3">
            <F k="transportMode" label={t('seizure.label.transportMode')} err={err} optional>
              {(c) => <TransportModeSelect {...c} value={draft.transportMode} onChange={(e) => set('transportMode', e.target.value as TransportMode | '')} />}
            </F>
            <F k="detectionMethod" label={t('seizure.label.detectionMethod')} err={err} optional>
              {(c) => <DetectionMethodSelect {...c} value={draft.detectionMethod} onChange={(e) => set('detectionMethod', e.target.value as DetectionMethod | '')} />}
            </F>
            <F k="concealmentMethod" label={t('seizure.label.concealmentMethod')} err={err} optional>
              {(c) => <ConcealmentMethodSelect {...c} value={draft.concealmentMethod} onChange={(e) => set('concealmentMethod', e.target.value as ConcealmentMethod | '')} />}
            </F>
          </div>
        </section>
        <section className="form-section">
          <h3 className="form-section-title">{t('ui.case.form.section-value-source')}</h3>
          <div className="form-grid form-grid-3">
            <F k="reportedValue" label={t('ui.case.form.label.reportedValue')} err={err} optional hint={t('ui.case.form.hint.reportedValue')}>
              {(c) => text('reportedValue', c, { inputMode: 'decimal', placeholder: t('ui.case.form.placeholder.reportedValue') })}
            </F>
            <F k="reportedCurrency" label={t('ui.case.form.label.reportedCurrency')} err={err} optional>
              {(c) => (
                <>
                  <input className="input mono" {...c} list="seizure-currencies" maxLength={3} value={draft.reportedCurrency} onChange={(e) => set('reportedCurrency', e.target.value.toUpperCase())} onBlur={blur('reportedCurrency')} placeholder={t('ui.case.form.placeholder.currency')} />
                  <datalist id="seizure-currencies">
                    {COMMON_CURRENCIES.map((code) => (
                      <option key={code} value={code} />
                    ))}
                  </datalist>
                </>
              )}
            </F>
            <span />
            <F k="sourceTitle" label={t('ui.case.form.label.sourceTitle')} err={err} optional className="span-2">
              {(c) => text('sourceTitle', c, { placeholder: t('ui.case.form.placeholder.sourceTitle') })}
            </F>
            <F k="sourceUrl" label={t('ui.case.form.label.sourceUrl')} err={err} optional>
              {(c) => text('sourceUrl', c, { placeholder: t('ui.case.form.placeholder.sourceUrl') })}
            </F>
            <F k="notes" label={t('ui.case.form.label.notes')} err={err} optional className="span-all">
              {(c) => <textarea className="textarea" rows={3} {...c} value={draft.notes} onChange={(e) => set('notes', e.target.value)} onBlur={blur('notes')} />}
            </F>
          </div>
        </section>
    </FormDialog>
  );
}

/** A form field keyed by a seizure field name (`data-field`, a hook for tests and styling). */
function F(props: { k: keyof SeizureDraft; label: string; err: (k: keyof SeizureDraft) => string | undefined; optional?: boolean; className?: string; hint?: string; children: (c: FieldControlProps) => ReactNode }): ReactNode {
  return (
    <div data-field={props.k} className={props.className}>
      <Field label={props.label} error={props.err(props.k)} optional={props.optional} hint={props.hint}>
        {props.children}
      </Field>
    </div>
  );
}
