/**
 * The column mapping of an import: one row per source column with its first sample values
 * and a select of the target field ("Do not import" to skip it).
 *
 * Several columns may feed one field, and that is not an error: the data service takes the first
 * non-empty value and keeps the others in the notes ("Column: value"), merges country lists and
 * agencies, and joins notes (service/import/build-seizure.ts). KML, GPX and GeoJSON map
 * e.g. both `name` and `commodity` to Commodity by design. So a shared field gets a neutral note
 * saying what will happen, never a red error; the dry run shows the outcome row by row.
 */
import { useId, type ReactNode } from 'react';
import { IMPORT_TARGETS, type ColumnMapping, type ImportPreview, type ImportTarget } from '../../../shared/rpc/import';
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

/** What happens to a field fed by this column and `others` (column names), in words. */
export function sharedTargetNote(target: ImportTarget, others: string[], fixed: boolean): string {
  const names = others.map((o) => `“${o}”`).join(', ');
  const why = fixed ? ' (set by the format)' : '';
  if (MERGED.includes(target)) return `Also fed by ${names}${why}: the lists are merged.`;
  if (target === 'notes') return `Also fed by ${names}${why}: the notes are joined line by line.`;
  return `Also fed by ${names}${why}: the first non-empty value is used; the others are kept in the notes.`;
}

/** The mapping table. */
export function MappingTable(props: MappingTableProps): ReactNode {
  const { headers, sampleRows, mapping } = props;
  const noteId = useId();
  const used = new Map<ImportTarget, string[]>();
  for (const h of headers) {
    const t = mapping[h] ?? 'ignore';
    if (t !== 'ignore') used.set(t, [...(used.get(t) ?? []), h]);
  }
  return (
    <div className="table-card mapping-card">
      <div className="table-scroll mapping-scroll">
        <table className="data-table mapping-table" aria-label="Column mapping">
          <thead>
            <tr>
              <th scope="col">
                <span className="th-label">Column in the file</span>
              </th>
              <th scope="col">
                <span className="th-label">Sample values</span>
              </th>
              <th scope="col">
                <span className="th-label">Imported as</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, i) => {
              const target = mapping[h] ?? 'ignore';
              const samples = sampleRows
                .map((r) => r[i] ?? '')
                .filter((v) => v.trim())
                .slice(0, 3);
              const others = target === 'ignore' ? [] : (used.get(target) ?? []).filter((o) => o !== h);
              return (
                <tr key={h} className={target === 'ignore' ? 'mapping-ignored' : undefined}>
                  <td className="col-nowrap">
                    <span className="mono mapping-header">{h}</span>
                  </td>
                  <td className="mapping-samples">
                    {samples.length ? samples.map((v, k) => <span key={k} className="sample">{v.length > 48 ? `${v.slice(0, 47)}…` : v}</span>) : <span className="muted">(empty in the first rows)</span>}
                  </td>
                  <td className="mapping-target">
                    <select
                      className="select select-sm"
                      aria-label={`Import column “${h}” as`}
                      value={target}
                      aria-describedby={others.length ? `${noteId}-${i}` : undefined}
                      onChange={(e) => props.onChange({ ...mapping, [h]: e.target.value as ImportTarget })}
                    >
                      <option value="ignore">{IMPORT_TARGET_LABELS.ignore}</option>
                      {IMPORT_TARGET_GROUPS.map((g) => (
                        <optgroup key={g.label} label={g.label}>
                          {g.targets
                            .filter((t) => (IMPORT_TARGETS as readonly string[]).includes(t))
                            .map((t) => (
                              <option key={t} value={t}>
                                {IMPORT_TARGET_LABELS[t]}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                    {others.length ? (
                      <span className="mapping-note" id={`${noteId}-${i}`}>
                        <Icon name="info" size={12} /> {sharedTargetNote(target, others, props.mappingSource === 'fixed')}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
