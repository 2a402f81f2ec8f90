/**
 * An import report (dry run or final): counts of imported, rejected, blank and unmapped rows
 * and routes, warnings, and every rejected row with its line (a feature's number in a KML, GPX or
 * GeoJSON file, the column headed so), column, value and reason.
 */
import { useMemo, type ReactNode } from 'react';
import type { ImportReport } from '../../../shared/rpc/import';
import { t } from '../../../shared/messages';
import { Icon } from '../ui/icons';
import { Notice } from '../ui/states';
import { formatCount } from '../format/numbers';
import { RejectedRowsTable, type RejectedRow } from '../ui/rejected-rows-table';

/**
 * The report view; `final` words it as done rather than planned. `willImport` (a preview's) is
 * what the import button would write, which leaves out the duplicates when so ticked.
 */
export function ImportReportView(props: { report: ImportReport; final?: boolean; willImport?: number }): ReactNode {
  const r = props.report;
  const f = props.final;
  // Rows flagged (a row may be flagged for several fields): counted once per report, not per render.
  const flaggedRows = useMemo(() => new Set(r.flagged.map((x) => x.line)).size, [r.flagged]);
  // A CSV's rows are numbered by line, a KML/GPX/GeoJSON file's by feature ("Placemark 2"), as the warnings and the CLI name them.
  const lineHeader = t('ui.import.col-line', { format: r.format });
  // A file of routes only (a GPX of one track) is reported as routes, without a sentence about rows.
  const routesOnly = !r.imported && r.routes > 0 && !r.rejectedRows;
  return (
    <div className="import-report" data-testid={f ? 'import-report' : 'import-dryrun'}>
      {f ? (
        <Notice kind={r.rejectedRows ? 'warning' : 'success'} icon={r.rejectedRows ? 'alert' : 'check'}>
          <p className="alert-title">{t('ui.import.report-imported', { imported: r.imported, routes: r.routes, routesOnly: routesOnly ? 'yes' : 'no' })}</p>
          {routesOnly ? null : <p>{r.rejectedRows ? t('ui.import.report-left-out', { count: r.rejectedRows }) : r.skippedDuplicates ? null : t('ui.import.report-all-imported')}</p>}
          {r.skippedDuplicates ? <p data-testid="report-duplicates-left-out">{t('ui.import.report-duplicates-left-out', { count: r.skippedDuplicates })}</p> : null}
        </Notice>
      ) : null}
      <div className="report-tiles">
        <Tile label={t(f ? 'ui.import.tile-imported' : 'ui.import.tile-will-import')} value={props.willImport ?? r.imported} tone="good" testId="report-imported" />
        <Tile label={t('ui.import.tile-rejected')} value={r.rejectedRows} tone={r.rejectedRows ? 'bad' : undefined} testId="report-rejected" />
        <Tile label={t('ui.import.tile-blank')} value={r.skippedBlank} />
        <Tile label={t('ui.import.tile-unmapped')} value={r.unmapped} note={t('ui.import.tile-unmapped-note')} />
        <Tile label={t('ui.import.tile-routes')} value={r.routes} />
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
      {r.flagged.length ? (
        <div className="report-flagged" data-testid="report-flagged">
          <h4>{t('ui.import.flagged-title', { count: flaggedRows })}</h4>
          <RejectedRowsTable showValue label={t('ui.import.flagged-label')} lineHeader={lineHeader} rows={r.flagged} toRow={checkRow} />
        </div>
      ) : null}
      {r.rejected.length ? (
        <RejectedRowsTable className="report-rejections" showValue lineHeader={lineHeader} rows={r.rejected} toRow={checkRow} />
      ) : (
        <p className="report-clean">
          <Icon name="check" size={14} /> {t('ui.import.none-rejected', { final: f ? 'yes' : 'no' })}
        </p>
      )}
    </div>
  );
}

/** A rejection or a flag as a table row: the column as named in the file, the reason followed by its fix. */
function checkRow(x: ImportReport['rejected'][number]): RejectedRow {
  return { line: x.line, column: x.column || x.field, value: x.value, reason: x.fix ? `${x.reason} — ${x.fix}` : x.reason };
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
