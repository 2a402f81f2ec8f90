/**
 * The offline basemaps for a map: the registered list (read once per window, again after files
 * are added), this device's remembered choice, and the basemap root URL. Shared by every map of
 * the window, so a choice made on one map shows on the next one opened.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BasemapInfo } from '../../../shared/rpc/basemaps';
import { basemapBase, listBasemaps } from '../platform/basemap-source';
import { resolveChoice, storeChoice, storedChoice } from './basemap-choice';

let listing: Promise<BasemapInfo[]> | null = null;

/** What {@link useBasemaps} gives. */
export interface BasemapState {
  /** The registered basemaps (empty until read, or when there are none). */
  list: BasemapInfo[];
  /** The basemap root URL, or null (browser mode without a token). */
  base: string | null;
  /** The remembered choice's id (Natural Earth's, or a file's). */
  choice: string;
  /** The offline basemap drawn over Natural Earth, or null. */
  active: BasemapInfo | null;
  /** Why the list could not be read, or null. */
  error: string | null;
  /** Chooses and remembers a basemap. */
  choose(id: string): void;
  /** Reads the list again (after files were added). */
  reload(): void;
}

/** The basemaps of this window and the device's choice. */
export function useBasemaps(): BasemapState {
  const [list, setList] = useState<BasemapInfo[]>([]);
  const [base, setBase] = useState<string | null>(null);
  const [choice, setChoice] = useState(storedChoice);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    listing ??= listBasemaps();
    void Promise.all([basemapBase(), listing]).then(
      ([b, l]) => {
        if (!live) return;
        setBase(b);
        setList(l);
        setError(null);
      },
      (err: unknown) => {
        listing = null;
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);
  const choose = useCallback((id: string) => {
    storeChoice(id);
    setChoice(id);
  }, []);
  const reload = useCallback(() => {
    listing = null;
    setGeneration((g) => g + 1);
  }, []);
  return { list, base, choice, active: base ? resolveChoice(choice, list) : null, error, choose, reload };
}
