/**
 * Sets the window title for the current screen ("SGNEST-2026-0001 · Pangolin scales — NEST Desk"),
 * so several open windows and browser tabs can be told apart.
 */
import { useEffect } from 'react';

/** Sets the window title to `title — NEST Desk` (just "NEST Desk" for an empty title). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — NEST Desk` : 'NEST Desk';
  }, [title]);
}
