/**
 * An accessible menu button (WAI-ARIA APG "menu button" pattern): a button with
 * `aria-haspopup="menu"` and `aria-expanded` that opens a `role="menu"` list of `role="menuitem"`
 * buttons. Keyboard: Enter, Space or ArrowDown on the button open the menu on its first item,
 * ArrowUp on its last; in the menu ArrowDown/ArrowUp move (wrapping), Home/End jump, Escape closes
 * and returns focus to the button, Tab closes it. A click outside closes it. A chosen item closes
 * the menu and runs its `onSelect`. The case header's "Export" menu is one.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import './menu-button.css';

/** One entry of a {@link MenuButton}. All sentences come from the catalogue (the caller's `t()`). */
export interface MenuItem {
  /** A stable key (React key and `data-menu-item`). */
  id: string;
  label: string;
  icon?: IconName;
  /** A second line under the label (what the item does). */
  hint?: string;
  disabled?: boolean;
  testId?: string;
  onSelect: () => void;
}

/** Props of {@link MenuButton}. */
export interface MenuButtonProps {
  /** The button's text ("Export"). */
  label: string;
  icon?: IconName;
  items: readonly MenuItem[];
  /** Shown on the button instead of `label` while an item's work runs ("Exporting…"). */
  busyLabel?: string | null;
  testId?: string;
  /** Which edge of the button the menu aligns to (default the right edge, for header actions). */
  align?: 'start' | 'end';
}

/** The menu button. */
export function MenuButton(props: MenuButtonProps): ReactNode {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);
  const menuId = useId();
  const enabled = props.items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);

  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (which: 'first' | 'last'): void => {
    if (!enabled.length) return;
    setFocusIndex(which === 'first' ? enabled[0]! : enabled[enabled.length - 1]!);
    setOpen(true);
  };
  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const move = (step: 1 | -1): void => {
    const at = enabled.indexOf(focusIndex);
    const next = enabled[(at + step + enabled.length) % enabled.length];
    if (next !== undefined) setFocusIndex(next);
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openAt('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openAt('last');
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => enabled.length && setFocusIndex(enabled[0]!),
      End: () => enabled.length && setFocusIndex(enabled[enabled.length - 1]!),
      Escape: () => close(true),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      e.stopPropagation();
      run();
    } else if (e.key === 'Tab') close(false);
  };
  const choose = (item: MenuItem): void => {
    close(true);
    item.onSelect();
  };

  return (
    <div className="menu-button" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
        {...(props.testId ? { 'data-testid': props.testId } : {})}
      >
        {props.icon ? <Icon name={props.icon} /> : null} {props.busyLabel ?? props.label}
        <Icon name="chevron-down" />
      </button>
      {open ? (
        <div id={menuId} role="menu" aria-label={props.label} className={`menu-list menu-align-${props.align ?? 'end'}`} onKeyDown={onMenuKey}>
          {props.items.map((item, i) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={i === focusIndex ? 0 : -1}
              disabled={item.disabled}
              data-menu-item={item.id}
              {...(item.testId ? { 'data-testid': item.testId } : {})}
              onClick={() => choose(item)}
              onMouseEnter={() => !item.disabled && setFocusIndex(i)}
            >
              {item.icon ? <Icon name={item.icon} /> : <span className="menu-item-icon-gap" aria-hidden="true" />}
              <span className="menu-item-text">
                <span className="menu-item-label">{item.label}</span>
                {item.hint ? <span className="menu-item-hint">{item.hint}</span> : null}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
