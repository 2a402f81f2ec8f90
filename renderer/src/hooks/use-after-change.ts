/**
 * Runs an action each time a value changes after the first render (not on mount): a list that
 * loaded itself refetches only when the data it depends on was fetched again.
 */
import { useEffect, useRef } from 'react';

/** Calls `action` whenever `value` changes (compared by identity), never on the first render. */
export function useAfterChange(value: unknown, action: () => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    action();
  }, [value, action]);
}
