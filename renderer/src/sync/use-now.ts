/**
 * The current time, re-read every `intervalMs`, so relative times ("2 min ago") stay true while
 * a screen is left open.
 */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `intervalMs` (default 30 s). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
