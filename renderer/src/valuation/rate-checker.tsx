/**
 * The rate checker of the exchange-rates screen: one currency into another at a date, with the
 * quotes (and their dates) a valuation of a seizure on that date would use.
 */
import { useState, type ReactNode } from 'react';
import { formatSignificant } from '../../../shared/valuation/money';
import { currentLocale, t } from '../../../shared/messages';
import { useLiveQuery } from '../data/use-live-query';
import { Field } from '../ui/field';
import { ErrorPanel, Notice } from '../ui/states';
import { formatIsoDate } from '../format/dates';
import { quoteText, quotesOf } from './format';
import './valuation-common.css';
import './rate-checker.css';

/** The rate checker; `currencies` are the choices of both selects (ISO 4217 codes). */
export function RateChecker(props: { workspaceId: string; currencies: string[] }): ReactNode {
  const [from, setFrom] = useState('HKD');
  const [to, setTo] = useState('USD');
  const [date, setDate] = useState('2020-04-28');
  const valid = /^[A-Z]{3}$/.test(from) && /^[A-Z]{3}$/.test(to) && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const q = useLiveQuery('valuation.quote', valid ? { workspaceId: props.workspaceId, from, to, date } : null, { keepPrevious: true });
  return (
    <section className="card" aria-labelledby="checker-title">
      <div className="card-header">
        <h2 id="checker-title">{t('valuation.checker.title')}</h2>
      </div>
      <div className="card-body">
        <p className="muted small checker-lead">{t('valuation.checker.lead')}</p>
        <div className="rate-checker">
          <Field label={t('valuation.checker.from')}>
            {(c) => (
              <select {...c} className="select" value={from} onChange={(e) => setFrom(e.target.value)}>
                {props.currencies.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('valuation.checker.to')}>
            {(c) => (
              <select {...c} className="select" value={to} onChange={(e) => setTo(e.target.value)}>
                {props.currencies.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('valuation.common.date')}>
            {(c) => <input {...c} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
        </div>
        <div className="rate-result" aria-live="polite" data-testid="rate-result">
          {q.error ? <ErrorPanel error={q.error} /> : null}
          {q.data?.conversion ? (
            <>
              <p className="rate-result-main">
                1 {from} = <strong>{formatSignificant(q.data.conversion.rate, 6)}</strong> {t('valuation.checker.to-on', { to, date: formatIsoDate(date) })}
              </p>
              <ul className="rate-legs">
                {quotesOf(q.data.conversion, q.data.quotes)
                  .filter((x) => x.kind !== 'definition')
                  .map((x) => (
                    <li key={x.currency} className={x.stale ? 'val-stale' : undefined}>
                      {quoteText(x, date)}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          {q.data && !q.data.conversion ? (
            <Notice kind="warning" icon="alert">
              {t('valuation.checker.missing', {
                currencies: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(q.data.missing.map((m) => m.currency)),
                date: formatIsoDate(date),
                why: q.data.missing.map((m) => m.why).join('; '),
              })}
            </Notice>
          ) : null}
        </div>
      </div>
    </section>
  );
}
