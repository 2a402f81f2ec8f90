/**
 * The column mapping of an import: one row per source column with its first sample values
 * and a select of the target field ("Do not import" to skip it), on the shared DataTable.
 *
 * Several columns may feed one field, and that is not an error: the data service takes the first
 * non-empty value and keeps the others in the notes ("Column: value"), merges country lists and
 * agencies, and joins notes (service/import/build-seizure.ts). KML, GPX and GeoJSON map
 * e.g. both `name` and `commodity` to Commodity by design. So a shared field gets a neutral note
 * saying what will happen, never a red error; the dry run shows the outcome row by row.
 */
import { useId, type ReactNode } from 'react';
import { IMPORT_TARGETS, type ColumnMapping, type ImportPreview, type ImportTarget } from '../../../shared/rpc/import';
import { t, type MessageId } from '../../../shared/messages';
import { DataTable } from '../ui/data-table';
import { Icon } from '../ui/icons';
import { IMPORT_TARGET_GROUPS, IMPORT_TARGET_LABELS } from './target-labels';

/** Props of {@link MappingTable}. */
export interface MappingTableProps {
  headers: string[];
  sampleRows: string[][];
  mapping: ColumnMapping;
  /** How the mapping was chosen: 'fixed' when the format sets it (KML, GPX, GeoJSON, the standard CSV layout). */
  mappingSource: ImportPreview['mappingSource'];
  onChange: (m: ColumnMapping) => void;
}

const MERGED: readonly ImportTarget[] = ['originCountries', 'transitCountries', 'destinationCountries', 'seizingAgencies'];

/** Longest sample value shown whole; longer ones are cut with "…" (the full value is in the sample rows). */
const SAMPLE_CHARS = 48;

/** What happens to a field fed by this column and `others` (column names), in words. */
export function sharedTargetNote(target: ImportTarget, others: string[], fixed: boolean): string {
  const names = others.map((name) => t('ui.import.column-name', { name })).join(', ');
  const id: MessageId = MERGED.includes(target) ? 'ui.import.shared-merged' : target === 'notes' ? 'ui.import.shared-notes' : 'ui.import.shared-first';
  return t(id, { names, fixed: fixed ? 'yes' : 'no' });
}

/** One row of the table: a source column, its position in the file, its target and the other columns on that target. */
interface MappingRow {
  header: string;
  index: number;
  target: ImportTarget;
  samples: string[];
  others: string[];
}

/** The options of the target select: "Do not import", then the targets in groups. */
function TargetOptions(): ReactNode {
  return (
    <>
      <option value="ignore">{IMPORT_TARGET_LABELS.ignore}</option>
      {IMPORT_TARGET_GROUPS.map((g) => (
        <optgroup key={g.label} label={t(g.label)}>
          {g.targets
            .filter((x) => (IMPORT_TARGETS as readonly string[]).includes(x))
            .map((x) => (
              <option key={x} value={x}>
                {IMPORT_TARGET_LABELS[x]}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** The mapping table. */
export function MappingTable(props: MappingTableProps): ReactNode {
  const { headers, sampleRows, mapping } = props;
  const noteId = useId();
  const used = new Map<ImportTarget, string[]>();
  for (const h of headers) {
    const target = mapping[h] ?? 'ignore';
    if (target !== 'ignore') used.set(target, [...(used.get(target) ?? []), h]);
  }
  const rows: MappingRow[] = headers.map((header, index) => {
    const target = mapping[header] ?? 'ignore';
    return {
      header,
      index,
      target,
      samples: sampleRows
        .map((r) => r[index] ?? '')
        .filter((v) => v.trim())
        .slice(0, 3),
      others: target === 'ignore' ? [] : (used.get(target) ?? []).filter((o) => o !== header),
    };
  });
  const fixed = props.mappingSource === 'fixed';
  return (
    <div className="table-card mapping-card">
      <div className="table-scroll mapping-scroll">
        <DataTable<MappingRow>
          label={t('ui.import.mapping-label')}
          className="mapping-table"
          scroll={false}
          rows={rows}
          rowKey={(r) => r.header}
          rowAttributes={(r) => ({ 'data-target': r.target })}
          columns={[
            { id: 'column', header: t('ui.import.col-column'), className: 'col-nowrap', cell: (r) => <span className="mono mapping-header">{r.header}</span> },
            {
              id: 'samples',
              header: t('ui.import.col-samples'),
              className: 'mapping-samples',
              cell: (r) =>
                r.samples.length ? (
                  r.samples.map((v, k) => (
                    <span key={k} className="sample">
                      {v.length > SAMPLE_CHARS ? `${v.slice(0, SAMPLE_CHARS - 1)}…` : v}
                    </span>
                  ))
                ) : (
                  <span className="muted">{t('ui.import.no-samples')}</span>
                ),
            },
            {
              id: 'target',
              header: t('ui.import.col-target'),
              className: 'mapping-target',
              cell: (r) => (
                <>
                  <select
                    className="select select-sm"
                    aria-label={t('ui.import.target-select', { column: r.header })}
                    value={r.target}
                    aria-describedby={r.others.length ? `${noteId}-${r.index}` : undefined}
                    onChange={(e) => props.onChange({ ...mapping, [r.header]: e.target.value as ImportTarget })}
                  >
                    <TargetOptions />
                  </select>
                  {r.others.length ? (
                    <span className="mapping-note" id={`${noteId}-${r.index}`}>
                      <Icon name="info" size={12} /> {sharedTargetNote(r.target, r.others, fixed)}
                    </span>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
