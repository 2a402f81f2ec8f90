/**
 * A value that follows another once it has stopped changing for a while: a filter box asks the
 * data service once per pause in typing, not once per keystroke.
 */
import { useEffect, useState } from 'react';

/** `value`, settled for `ms` milliseconds. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
