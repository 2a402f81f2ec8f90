/**
 * "How the columns were read": a line per numeric, date and coordinate column of the dry run
 * ("Quantity: comma decimal, dot thousands — from 412 values"), and, for a number column whose
 * cells do not show their decimal mark (10.500, 1,250), a choice of the mark. The choice goes into
 * the import request (`decimalMarks`) and re-runs the preview; until it is made, the rows whose
 * value depends on it are held back (rejected with a fix), never imported on a guess.
 */
import type { ReactNode } from 'react';
import type { ColumnFormat } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';

/** A decimal mark chosen per column (column name → '.' or ','). */
export type DecimalMarks = Readonly<Record<string, '.' | ','>>;

/** Props of {@link ColumnFormats}. */
export interface ColumnFormatsProps {
  formats: readonly ColumnFormat[];
  decimalMarks: DecimalMarks;
  /** Called with the new choices when the user picks (or clears) a column's decimal mark. */
  onDecimalMarks: (marks: DecimalMarks) => void;
}

/** The per-column reading list with the decimal-mark choices. */
export function ColumnFormats(props: ColumnFormatsProps): ReactNode {
  if (!props.formats.length) return null;
  const choose = (column: string, value: string): void => {
    const next: Record<string, '.' | ','> = { ...props.decimalMarks };
    if (value === '.' || value === ',') next[column] = value;
    else delete next[column];
    props.onDecimalMarks(next);
  };
  return (
    <div className="import-formats" data-testid="column-formats">
      <h3>{t('ui.import.formats-title')}</h3>
      <ul>
        {props.formats.map((f) => {
          const asking = f.kind === 'number' && (f.decidedBy === 'guess' || f.decidedBy === 'choice');
          return (
            <li key={`${f.kind}:${f.column}`} className={f.decidedBy === 'guess' ? 'import-format-guess' : undefined} data-testid={`column-format-${f.column}`}>
              {f.decidedBy === 'guess' ? <Icon name="alert" size={14} /> : null} <span>{f.summary}</span>
              {asking ? (
                <label className="row small">
                  {t('ui.import.decimal-mark-label', { column: f.column })}
                  <select
                    className="select select-sm decimal-mark"
                    data-testid={`decimal-mark-${f.column}`}
                    value={props.decimalMarks[f.column] ?? ''}
                    onChange={(e) => choose(f.column, e.target.value)}
                  >
                    <option value="">{t('ui.import.decimal-mark-choose')}</option>
                    <option value=".">{t('ui.import.decimal-mark-point')}</option>
                    <option value=",">{t('ui.import.decimal-mark-comma')}</option>
                  </select>
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
