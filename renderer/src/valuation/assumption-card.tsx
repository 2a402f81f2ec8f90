/**
 * The case's interdiction-rate assumption ("seizures are 10–30 % of the flow") and the
 * undetected-flow estimate that follows from it, always labelled as an assumption. The assumption
 * is written to the case doc through `CaseValuations.setInterdictionRate` after validation with
 * the shared schema; the figures come from the data service's estimate.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseValuations, StoredInterdictionAssumption } from '../../../shared/docs/case-valuations';
import type { Writer } from '../../../shared/docs/records';
import { interdictionAssumptionSchema } from '../../../shared/domain/seizure-valuation';
import type { FlowDto } from '../../../shared/rpc/valuation';
import { NestError } from '../../../shared/errors';
import { t } from '../../../shared/messages';
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { parseDecimal } from '../forms/parse';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { fullRange, percentRange } from './format';
import './assumption-card.css';

/** Props of {@link AssumptionCard}. */
export interface AssumptionCardProps {
  cv: CaseValuations;
  assumption: StoredInterdictionAssumption | null;
  flow: FlowDto | null;
  reportingCurrency: string;
  writer: Writer;
  readOnly: boolean;
}

const pctText = (x: number | undefined): string => (x === undefined ? '' : String(Number((x * 100).toFixed(4))));

/** The assumption card. */
export function AssumptionCard(props: AssumptionCardProps): ReactNode {
  const { assumption, flow } = props;
  const [editing, setEditing] = useState(false);
  const [low, setLow] = useState(pctText(assumption?.low));
  const [high, setHigh] = useState(pctText(assumption?.high));
  const [basis, setBasis] = useState(assumption?.basis ?? '');
  const [notes, setNotes] = useState(assumption?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (editing) return;
    setLow(pctText(assumption?.low));
    setHigh(pctText(assumption?.high));
    setBasis(assumption?.basis ?? '');
    setNotes(assumption?.notes ?? '');
  }, [assumption, editing]);

  const save = (): void => {
    const l = parseDecimal(low, '10');
    const h = parseDecimal(high, '30');
    const e: FieldErrors = {};
    if (!l.ok) e.low = l.message;
    else if (l.value === null) e.low = t('valuation.form.required');
    if (!h.ok) e.high = h.message;
    else if (h.value === null) e.high = t('valuation.form.required');
    if (Object.keys(e).length) {
      setErrors(e);
      return;
    }
    const value = { low: (l as { value: number }).value / 100, high: (h as { value: number }).value / 100, basis: basis.trim(), notes };
    const r = interdictionAssumptionSchema.safeParse(value);
    if (!r.success) {
      setErrors(zodFieldErrors(r.error.issues));
      return;
    }
    try {
      props.cv.setInterdictionRate(r.data, props.writer);
      setErrors({});
      setEditing(false);
    } catch (err) {
      if (err instanceof NestError && err.issues) setErrors(issueFieldErrors(err.issues));
      else setErrors({ basis: err instanceof Error ? err.message : String(err) });
    }
  };

  const showForm = editing || (!assumption && !props.readOnly);
  // The sentence is one catalogue entry; the word "assumption" in it is set in bold.
  const [leadBefore, leadAfter] = t('valuation.assumption.lead', { assumption: '\u0000' }).split('\u0000');
  return (
    <section className="card assumption" aria-labelledby="assumption-title" data-testid="assumption-card">
      <div className="card-header">
        <h2 id="assumption-title">{t('valuation.assumption.title')}</h2>
        <span className="tag tag-warning assumption-tag">{t('valuation.assumption.tag')}</span>
        <span className="grow" />
        {assumption && !editing && !props.readOnly ? (
          <>
            <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
              <Icon name="edit" size={14} /> {t('valuation.assumption.change')}
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => props.cv.setInterdictionRate(null, props.writer)}>
              {t('valuation.assumption.clear')}
            </button>
          </>
        ) : null}
      </div>
      <div className="card-body">
        <p className="assumption-lead">
          {leadBefore}
          <strong>{t('valuation.assumption.lead-word')}</strong>
          {leadAfter}
        </p>
        {showForm ? (
          <form
            className="assumption-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <div className="assumption-share">
              <Field label={t('valuation.assumption.at-least')} error={errors.low} hint={t('valuation.assumption.pct-hint')}>
                {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={low} disabled={props.readOnly} onChange={(e) => setLow(e.target.value)} />}
              </Field>
              <Field label={t('valuation.assumption.at-most')} error={errors.high} hint={t('valuation.assumption.pct-hint')}>
                {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={high} disabled={props.readOnly} onChange={(e) => setHigh(e.target.value)} />}
              </Field>
            </div>
            <Field label={t('valuation.assumption.basis')} error={errors.basis} hint={t('valuation.assumption.basis-hint')}>
              {(c) => <input {...c} className="input input-sm" value={basis} disabled={props.readOnly} onChange={(e) => setBasis(e.target.value)} />}
            </Field>
            <Field label={t('valuation.common.notes')} optional error={errors.notes}>
              {(c) => <input {...c} className="input input-sm" value={notes} disabled={props.readOnly} onChange={(e) => setNotes(e.target.value)} />}
            </Field>
            <div className="row">
              <button type="submit" className="btn btn-primary btn-sm" disabled={props.readOnly}>
                {t('valuation.assumption.set')}
              </button>
              {editing ? (
                <button type="button" className="btn btn-sm" onClick={() => setEditing(false)}>
                  {t('valuation.assumption.cancel')}
                </button>
              ) : null}
            </div>
          </form>
        ) : null}
        {assumption && flow && !editing ? (
          <div className="flow" data-testid="flow">
            <p className="flow-label">
              <Icon name="alert" size={14} /> {flow.label}
            </p>
            <dl className="flow-figures">
              <dt>{t('valuation.assumption.seized')}</dt>
              <dd>{fullRange(flow.usd.seized)}</dd>
              <dt>{t('valuation.assumption.whole-flow', { share: percentRange(flow.low, flow.high) })}</dt>
              <dd data-testid="flow-total">{fullRange(flow.usd.totalFlow)}</dd>
              <dt>{t('valuation.assumption.undetected')}</dt>
              <dd data-testid="flow-undetected">{fullRange(flow.usd.undetected)}</dd>
              {props.reportingCurrency !== 'USD' ? (
                <>
                  <dt>{t('valuation.assumption.whole-flow-in', { currency: props.reportingCurrency })}</dt>
                  <dd>{fullRange(flow.reporting.totalFlow)}</dd>
                  <dt>{t('valuation.assumption.undetected-in', { currency: props.reportingCurrency })}</dt>
                  <dd>{fullRange(flow.reporting.undetected)}</dd>
                </>
              ) : null}
            </dl>
            {assumption.notes ? <p className="muted small">{assumption.notes}</p> : null}
          </div>
        ) : null}
        {!assumption && props.readOnly ? <p className="muted">{t('valuation.assumption.none')}</p> : null}
      </div>
    </section>
  );
}
