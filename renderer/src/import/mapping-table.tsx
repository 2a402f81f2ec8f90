/**
 * The column mapping of a CSV import: one row per source column with its first sample values
 * and a select of the target field ("Do not import" to skip it). A target used by two columns
 * is flagged.
 */
import type { ReactNode } from 'react';
import { IMPORT_TARGETS, type ColumnMapping, type ImportTarget } from '../../../shared/rpc/import';
import { Icon } from '../ui/icons';
import { IMPORT_TARGET_GROUPS, IMPORT_TARGET_LABELS } from './target-labels';

/** Props of {@link MappingTable}. */
export interface MappingTableProps {
  headers: string[];
  sampleRows: string[][];
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}

/** The mapping table. */
export function MappingTable(props: MappingTableProps): ReactNode {
  const { headers, sampleRows, mapping } = props;
  const used = new Map<ImportTarget, number>();
  for (const h of headers) {
    const t = mapping[h] ?? 'ignore';
    if (t !== 'ignore') used.set(t, (used.get(t) ?? 0) + 1);
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
              const dup = target !== 'ignore' && (used.get(target) ?? 0) > 1;
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
                      aria-invalid={dup}
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
                    {dup ? (
                      <span className="field-error">
                        <Icon name="alert" size={12} /> Also used by another column
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
