/**
 * The one seizure picker (issue 11 item 4): a combobox that searches ALL of a case's seizures —
 * the case doc's and those held in volume docs — on the data service (`seizures.page` through
 * use-seizure-search.ts), never only the window's replica. Each option shows commodity (and
 * species), quantity with its unit, date, place and the case number. The chosen seizure's label
 * comes from the option picked, or else from `seizures.get` (so a seizure held in a volume is
 * named too); until that answers it reads "Looking the seizure up…", and a seizure the service
 * does not find is called gone — never a guess.
 *
 * Keyboard (WAI-ARIA combobox with a listbox popup): typing searches; ↓/↑ move through the
 * options (↓ opens the list); Enter picks the highlighted option without submitting the form;
 * Escape closes the list without closing the dialog; Tab leaves it closed.
 * Used by the exhibit form, the link form and "Assign a price".
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { SeizureRow } from '../../../shared/rpc/cases';
import { t } from '../../../shared/messages';
import { projectionChanged, useLiveQuery } from '../data/use-live-query';
import type { FieldControlProps } from '../ui/field';
import { Icon } from '../ui/icons';
import { seizureFacts, seizureSummary, seizureTitle, type SeizureSummaryFields } from './seizure-title';
import { useSeizureSearch } from './use-seizure-search';
import './seizure-picker.css';

/** Options listed at once; more words narrow the rest. */
export const PICKER_OPTIONS = 50;

/** Props of {@link SeizurePicker}. */
export interface SeizurePickerProps {
  workspaceId: string;
  caseId: string;
  /** The case's number ("NEST-2026-0001"), shown on each option. */
  caseNumber: string;
  /** The chosen seizure's id, or null. */
  value: string | null;
  /** Called with the id picked (null: the "none" option), and its row as the service listed it. */
  onChange: (id: string | null, row: SeizureRow | null) => void;
  /** What a {@link Field} hands its control (id, aria-invalid, aria-describedby). */
  control: FieldControlProps;
  /** When given, the first option clears the choice and this is shown for no seizure. */
  noneLabel?: string;
  disabled?: boolean;
}

/** An option of the list: a seizure row, or the "none" choice. */
type Option = { kind: 'none' } | { kind: 'seizure'; row: SeizureRow };

/** The seizure combobox. */
export function SeizurePicker(props: SeizurePickerProps): ReactNode {
  const { workspaceId, caseId, value } = props;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  // Rows picked here, so the chosen one is named at once (they came from the service just now).
  const picked = useRef(new Map<string, SeizureRow>());
  const listId = useId();
  const search = useSeizureSearch({ workspaceId, caseId, text, limit: PICKER_OPTIONS, enabled: open });
  const label = useSeizureLabel(workspaceId, caseId, value, value ? picked.current.get(value) : undefined, props.noneLabel);

  const rows = search.error ? [] : (search.data?.rows ?? []);
  const options: Option[] = [...(props.noneLabel !== undefined ? [{ kind: 'none' } as const] : []), ...rows.map((row) => ({ kind: 'seizure', row }) as const)];
  const activeIndex = Math.min(active, options.length - 1);

  const close = (): void => {
    setOpen(false);
    setText('');
    setActive(0);
  };
  const choose = (o: Option): void => {
    if (o.kind === 'seizure') picked.current.set(o.row.id, o.row);
    props.onChange(o.kind === 'seizure' ? o.row.id : null, o.kind === 'seizure' ? o.row : null);
    close();
  };
  const optionId = (i: number): string => `${listId}-${i}`;

  return (
    <div className="seizure-picker">
      <div className="input-with-icon">
        <Icon name="search" />
        <input
          {...props.control}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[activeIndex] ? optionId(activeIndex) : undefined}
          disabled={props.disabled}
          // Closed: the chosen seizure; open: what is typed, with the chosen one as the hint.
          value={open ? text : label}
          placeholder={open ? label || t('ui.seizure-picker.placeholder') : t('ui.seizure-picker.choose')}
          maxLength={200}
          onFocus={() => setOpen(true)}
          onBlur={close}
          onChange={(e) => {
            setText(e.target.value);
            // Words typed: the first seizure found is the one Enter takes, not "none".
            setActive(e.target.value.trim() && props.noneLabel !== undefined ? 1 : 0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) setOpen(true);
              else setActive(Math.min(activeIndex + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(Math.max(activeIndex - 1, 0));
            } else if (e.key === 'Enter' && open) {
              // Picks; never submits the form the picker sits in.
              e.preventDefault();
              const o = options[activeIndex];
              if (o) choose(o);
            } else if (e.key === 'Escape' && open) {
              // Closes the list only: the dialog around it stays open.
              e.preventDefault();
              e.stopPropagation();
              close();
            } else if (e.key === 'Tab') close();
          }}
        />
      </div>
      {open ? (
        <div className="seizure-picker-popup">
          <p className="seizure-picker-status" aria-live="polite">
            {search.error
              ? t('ui.seizure-picker.failed', { reason: search.error.message })
              : search.data
                ? t('ui.seizure-picker.count', { count: search.data.total, caseNumber: props.caseNumber })
                : t('ui.seizure-picker.searching')}
          </p>
          <ul id={listId} role="listbox" aria-label={t('ui.seizure-picker.results', { caseNumber: props.caseNumber })} className="seizure-picker-list">
            {options.map((o, i) => (
              <li
                key={o.kind === 'seizure' ? o.row.id : ''}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                data-seizure-id={o.kind === 'seizure' ? o.row.id : undefined}
                className={`seizure-picker-option${o.kind === 'seizure' && o.row.id === value ? ' is-chosen' : ''}`}
                onMouseEnter={() => setActive(i)}
                // Keeps the focus in the input (a blur would close the list before the click).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                {o.kind === 'none' ? (
                  <span className="seizure-picker-text muted">{props.noneLabel}</span>
                ) : (
                  <>
                    <span className="seizure-picker-text">
                      <span className="seizure-picker-title">{seizureTitle(o.row)}</span>
                      <span className="seizure-picker-facts">{seizureFacts(o.row)}</span>
                    </span>
                    <span className="seizure-picker-case">{props.caseNumber}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          {search.data && search.data.total > rows.length ? <p className="seizure-picker-more">{t('ui.seizure-picker.first-shown', { count: rows.length })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The label of seizure `id` of a case: from `known` (a row the service just listed) when given,
 * else read through `seizures.get` (case doc or volume); "Looking the seizure up…" until it
 * answers, "no longer in this case" when the service finds none. `noneLabel` (or '') for no id.
 */
export function useSeizureLabel(workspaceId: string, caseId: string, id: string | null, known: SeizureSummaryFields | undefined, noneLabel = ''): string {
  const read = useLiveQuery('seizures.get', id && !known ? { workspaceId, caseId, seizureId: id } : null, { refetchOn: [projectionChanged(workspaceId, caseId)] });
  if (!id) return noneLabel;
  if (known) return seizureSummary(known);
  if (read.data === undefined) return read.error ? t('ui.seizure-picker.failed', { reason: read.error.message }) : t('ui.seizure-picker.looking-up');
  return read.data === null ? t('ui.seizure-picker.missing') : seizureSummary(read.data);
}
