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
import { Field } from '../ui/field';
import { Icon } from '../ui/icons';
import { parseDecimal } from '../forms/parse';
import { issueFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/issues';
import { fullRange, percentRange } from './format';

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
    else if (l.value === null) e.low = 'Is required';
    if (!h.ok) e.high = h.message;
    else if (h.value === null) e.high = 'Is required';
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
  return (
    <section className="card assumption" aria-labelledby="assumption-title" data-testid="assumption-card">
      <div className="card-header">
        <h2 id="assumption-title">Undetected flow</h2>
        <span className="tag tag-warning assumption-tag">Assumption</span>
        <span className="grow" />
        {assumption && !editing && !props.readOnly ? (
          <>
            <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
              <Icon name="edit" size={14} /> Change
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => props.cv.setInterdictionRate(null, props.writer)}>
              Clear
            </button>
          </>
        ) : null}
      </div>
      <div className="card-body">
        <p className="assumption-lead">
          Whole flow = seized value ÷ the share of the flow that is seized. That share is an <strong>assumption</strong>, not a finding: these figures are not evidence of any
          quantity trafficked.
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
              <Field label="Seizures are at least" error={errors.low} hint="% of the flow">
                {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={low} disabled={props.readOnly} onChange={(e) => setLow(e.target.value)} />}
              </Field>
              <Field label="and at most" error={errors.high} hint="% of the flow">
                {(c) => <input {...c} className="input input-sm num" inputMode="decimal" value={high} disabled={props.readOnly} onChange={(e) => setHigh(e.target.value)} />}
              </Field>
            </div>
            <Field label="Basis of the assumption" error={errors.basis} hint="Where the share comes from, e.g. a published interdiction estimate">
              {(c) => <input {...c} className="input input-sm" value={basis} disabled={props.readOnly} onChange={(e) => setBasis(e.target.value)} />}
            </Field>
            <Field label="Notes" optional error={errors.notes}>
              {(c) => <input {...c} className="input input-sm" value={notes} disabled={props.readOnly} onChange={(e) => setNotes(e.target.value)} />}
            </Field>
            <div className="row">
              <button type="submit" className="btn btn-primary btn-sm" disabled={props.readOnly}>
                Set assumption
              </button>
              {editing ? (
                <button type="button" className="btn btn-sm" onClick={() => setEditing(false)}>
                  Cancel
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
              <dt>Seized (estimate)</dt>
              <dd>{fullRange(flow.usd.seized)}</dd>
              <dt>Whole flow, at {percentRange(flow.low, flow.high)}</dt>
              <dd data-testid="flow-total">{fullRange(flow.usd.totalFlow)}</dd>
              <dt>Of which undetected</dt>
              <dd data-testid="flow-undetected">{fullRange(flow.usd.undetected)}</dd>
              {props.reportingCurrency !== 'USD' ? (
                <>
                  <dt>Whole flow in {props.reportingCurrency}</dt>
                  <dd>{fullRange(flow.reporting.totalFlow)}</dd>
                  <dt>Undetected in {props.reportingCurrency}</dt>
                  <dd>{fullRange(flow.reporting.undetected)}</dd>
                </>
              ) : null}
            </dl>
            {assumption.notes ? <p className="muted small">{assumption.notes}</p> : null}
          </div>
        ) : null}
        {!assumption && props.readOnly ? <p className="muted">No assumption is set for this case.</p> : null}
      </div>
    </section>
  );
}
