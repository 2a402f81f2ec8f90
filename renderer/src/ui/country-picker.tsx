/**
 * Picks a list of countries (ISO 3166-1 alpha-2) by name or code: a type-ahead input backed by
 * a <datalist> of every country, and removable chips for the chosen ones.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { countryList, countryName } from '../../../shared/domain/iso';
import { Icon } from './icons';
import type { FieldControlProps } from './field';
import { t } from '../../../shared/messages';

let cached: { code: string; name: string; label: string }[] | null = null;

/** Every country with its picker label "Name (CC)", sorted by name (computed once). */
export function countryOptions(): { code: string; name: string; label: string }[] {
  cached ??= countryList().map((c) => ({ ...c, label: `${c.name} (${c.code})` }));
  return cached;
}

/** Finds a country by picker label, code or exact name (case-insensitive); null when none. */
export function matchCountry(text: string): string | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const hit = countryOptions().find((c) => c.label.toLowerCase() === q || c.code.toLowerCase() === q || c.name.toLowerCase() === q);
  return hit ? hit.code : null;
}

/** Props of {@link CountryPicker}. */
export interface CountryPickerProps {
  value: string[];
  onChange: (codes: string[]) => void;
  control: FieldControlProps;
  placeholder?: string;
  disabled?: boolean;
}

/** A multi-country picker with chips. */
export function CountryPicker(props: CountryPickerProps): ReactNode {
  const listId = useId();
  const [text, setText] = useState('');
  const options = useMemo(countryOptions, []);
  const { value, onChange } = props;

  const add = (raw: string): boolean => {
    const code = matchCountry(raw);
    if (!code) return false;
    if (!value.includes(code)) onChange([...value, code]);
    setText('');
    return true;
  };

  return (
    <div className="country-picker">
      <input
        className="input"
        list={listId}
        value={text}
        disabled={props.disabled}
        placeholder={props.placeholder ?? t('ui.common.country-placeholder')}
        autoComplete="off"
        {...props.control}
        onChange={(e) => {
          const v = e.target.value;
          // Picking from the datalist fills the exact label: add it at once.
          if (options.some((o) => o.label === v)) add(v);
          else setText(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && !text && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (text) add(text);
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={o.label} />
        ))}
      </datalist>
      <div className="chips" aria-live="polite">
        {value.map((code) => (
          <span className="chip" key={code}>
            {countryName(code)} <span className="chip-code">{code}</span>
            {props.disabled ? null : (
              <button type="button" aria-label={t('ui.common.remove-country', { country: countryName(code) })} onClick={() => onChange(value.filter((c) => c !== code))}>
                <Icon name="x" size={12} />
              </button>
            )}
          </span>
        ))}
      </div>
    </div>
  );
}
