/**
 * An import report (dry run or final): counts of imported, rejected, blank and unmapped rows
 * and routes, warnings, and every rejected row with its line, column, value and reason.
 */
import type { ReactNode } from 'react';
import type { ImportReport } from '../../../shared/rpc/import';
import { Icon } from '../ui/icons';
import { Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { RejectedRowsTable } from '../ui/rejected-rows-table';

/** The report view; `final` words it as done rather than planned. */
export function ImportReportView(props: { report: ImportReport; final?: boolean }): ReactNode {
  const r = props.report;
  const f = props.final;
  return (
    <div className="import-report" data-testid={f ? 'import-report' : 'import-dryrun'}>
      {f ? (
        <Notice kind={r.rejectedRows ? 'warning' : 'success'} icon={r.rejectedRows ? 'alert' : 'check'}>
          <p className="alert-title">
            {formatCount(r.imported)} seizure{r.imported === 1 ? '' : 's'} imported{r.routes ? ` and ${formatCount(r.routes)} route${r.routes === 1 ? '' : 's'}` : ''}.
          </p>
          <p>{r.rejectedRows ? `${formatCount(r.rejectedRows)} row${r.rejectedRows === 1 ? ' was' : 's were'} left out; they are listed below with the reason, so you can fix the file and import them again.` : 'Every row with data was imported.'}</p>
        </Notice>
      ) : null}
      <div className="report-tiles">
        <Tile label={f ? 'Imported' : 'Will be imported'} value={r.imported} tone="good" testId="report-imported" />
        <Tile label="Rows rejected" value={r.rejectedRows} tone={r.rejectedRows ? 'bad' : undefined} testId="report-rejected" />
        <Tile label="Blank rows skipped" value={r.skippedBlank} />
        <Tile label="Without location" value={r.unmapped} note="imported, not on the map" />
        <Tile label="Routes" value={r.routes} />
      </div>
      {r.warnings.length ? (
        <ul className="report-warnings">
          {r.warnings.map((w, i) => (
            <li key={i}>
              <Icon name="alert" size={14} /> {w}
            </li>
          ))}
        </ul>
      ) : null}
      {r.rejected.length ? (
        <RejectedRowsTable className="report-rejections" showValue rows={r.rejected.map((x) => ({ line: x.line, column: x.column || x.field, value: x.value, reason: x.reason }))} />
      ) : (
        <p className="report-clean">
          <Icon name="check" size={14} /> No row {f ? 'was' : 'would be'} rejected.
        </p>
      )}
    </div>
  );
}

function Tile(props: { label: string; value: number; tone?: 'good' | 'bad'; note?: string; testId?: string }): ReactNode {
  return (
    <div className={`report-tile${props.tone ? ` report-tile-${props.tone}` : ''}`}>
      <span className="report-tile-value" data-testid={props.testId}>
        {formatCount(props.value)}
      </span>
      <span className="report-tile-label">{props.label}</span>
      {props.note ? <span className="report-tile-note">{props.note}</span> : null}
    </div>
  );
}
