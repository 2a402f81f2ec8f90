/**
 * The first rows of an import file as they appear in it (one column per header), folded away
 * by default: the mapping table above already shows samples per column.
 */
import type { ReactNode } from 'react';

/** The sample rows of a preview. */
export function SampleRows(props: { headers: string[]; rows: string[][] }): ReactNode {
  if (!props.rows.length) return null;
  return (
    <details className="sample-rows">
      <summary>
        Show the first {props.rows.length} row{props.rows.length === 1 ? '' : 's'} as they are in the file
      </summary>
      <div className="table-card">
        <div className="table-scroll sample-rows-scroll" tabIndex={0} role="region" aria-label="First rows of the file (scrollable)">
          <table className="data-table" aria-label="First rows of the file">
            <thead>
              <tr>
                {props.headers.map((h) => (
                  <th scope="col" key={h}>
                    <span className="th-label mono">{h}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r, i) => (
                <tr key={i}>
                  {props.headers.map((h, k) => (
                    <td key={h} className="sample-cell">
                      {r[k] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
