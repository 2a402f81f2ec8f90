/**
 * The data table's column chooser: a "Columns" disclosure listing the optional columns with a
 * checkbox each, and {@link useColumnChoice}, which remembers the choice per device (the
 * renderer's localStorage, one key per table) so a member's columns survive a restart. Columns
 * marked `optional` may be hidden; `defaultHidden` ones start hidden. A stored choice that names
 * columns which no longer exist is ignored for them.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Column } from './data-table';

/** The localStorage key of a table's column choice. */
export const columnStorageKey = (table: string): string => `nest.columns.${table}`;

/** What is stored: per optional column id, whether it is shown. */
type Stored = Record<string, boolean>;

function readStored(table: string): Stored {
  try {
    const raw = globalThis.localStorage?.getItem(columnStorageKey(table));
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Stored) : {};
  } catch {
    // Storage refused (private mode) or a damaged value: the defaults apply.
    return {};
  }
}

/**
 * The hidden column ids of table `table` over `columns`, and a setter that shows or hides one
 * column and stores the choice on this device.
 */
export function useColumnChoice<R, K extends string>(table: string, columns: readonly (Column<R, K> | null | false)[]): [ReadonlySet<string>, (id: string, shown: boolean) => void] {
  const [stored, setStored] = useState<Stored>(() => readStored(table));
  const hidden = new Set<string>();
  for (const c of columns) if (c && c.optional && !(stored[c.id] ?? !c.defaultHidden)) hidden.add(c.id);
  const set = useCallback(
    (id: string, shown: boolean) =>
      setStored((prev) => {
        const next = { ...prev, [id]: shown };
        try {
          globalThis.localStorage?.setItem(columnStorageKey(table), JSON.stringify(next));
        } catch {
          // Not remembered on this device; the choice still applies until the table closes.
        }
        return next;
      }),
    [table],
  );
  return [hidden, set];
}

/** Props of {@link ColumnChooser}. */
export interface ColumnChooserProps<R, K extends string> {
  columns: readonly (Column<R, K> | null | false)[];
  hidden: ReadonlySet<string>;
  onChange: (id: string, shown: boolean) => void;
  /** The disclosure's text ("Columns"). */
  label: string;
  /** The accessible name of the list ("Show or hide seizure table columns"). */
  legend: string;
}

/** The "Columns" disclosure of a table's optional columns. */
export function ColumnChooser<R, K extends string>(props: ColumnChooserProps<R, K>): ReactNode {
  const optional = props.columns.filter((c): c is Column<R, K> => Boolean(c && c.optional));
  if (!optional.length) return null;
  return (
    <details className="column-chooser">
      <summary className="btn btn-sm btn-ghost">{props.label}</summary>
      <fieldset className="column-chooser-list">
        <legend className="visually-hidden">{props.legend}</legend>
        {optional.map((c) => (
          <label key={c.id} className="checkbox-row">
            <input type="checkbox" checked={!props.hidden.has(c.id)} onChange={(e) => props.onChange(c.id, e.target.checked)} /> {c.header}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
