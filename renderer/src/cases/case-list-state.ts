/**
 * The case list's filters and sort, kept for the session (sessionStorage, one entry per
 * workspace): leaving the list for a case and coming back, or reloading the window, shows the
 * same filtered list; a new session (or another workspace) starts unfiltered. A stored value of
 * the wrong shape (an older version, a hand edit) is dropped field by field, never trusted.
 */
import { useEffect, useState } from 'react';
import { CASE_STATUSES, CRIME_SECTORS, TLP_MARKINGS, type CaseStatus, type CrimeSector, type Tlp } from '../../../shared/domain/codes';
import type { CaseSort, CaseSortKey } from './case-sort';

/** The case list's filters: '' means "any". `severity` 1–4 as text ('' any); `assignee` a member id, '-' for unassigned. */
export interface CaseListFilters {
  text: string;
  status: CaseStatus | '';
  sector: CrimeSector | '';
  severity: '' | '1' | '2' | '3' | '4';
  tlp: Tlp | '';
  assignee: string;
  tag: string;
  agency: string;
}

/** No filter set. */
export const NO_FILTERS: CaseListFilters = { text: '', status: '', sector: '', severity: '', tlp: '', assignee: '', tag: '', agency: '' };

/** What is kept per session: the filters and the sort. */
export interface CaseListState {
  filters: CaseListFilters;
  sort: CaseSort;
}

const DEFAULT_STATE: CaseListState = { filters: NO_FILTERS, sort: { key: 'number', dir: 'desc' } };

const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | '' => (typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : '');
const text = (v: unknown, max = 200): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** Reads a stored state leniently: every field of the wrong type reads as its default. */
export function parseCaseListState(raw: string | null, sortKeys: readonly CaseSortKey[]): CaseListState {
  let o: unknown;
  try {
    o = raw ? JSON.parse(raw) : null;
  } catch {
    return DEFAULT_STATE;
  }
  if (!o || typeof o !== 'object') return DEFAULT_STATE;
  const f = ((o as { filters?: unknown }).filters ?? {}) as Record<string, unknown>;
  const s = ((o as { sort?: unknown }).sort ?? {}) as Record<string, unknown>;
  const key = oneOf(s.key, sortKeys);
  return {
    filters: {
      text: text(f.text),
      status: oneOf(f.status, CASE_STATUSES),
      sector: oneOf(f.sector, CRIME_SECTORS),
      severity: oneOf(f.severity, ['1', '2', '3', '4'] as const),
      tlp: oneOf(f.tlp, TLP_MARKINGS),
      assignee: text(f.assignee, 100),
      tag: text(f.tag, 40),
      agency: text(f.agency),
    },
    sort: key ? { key, dir: s.dir === 'asc' ? 'asc' : 'desc' } : DEFAULT_STATE.sort,
  };
}

/** The `cases.list` filter params for `f` (only the set ones). */
export function listParams(f: CaseListFilters): { status?: CaseStatus; sector?: CrimeSector; severity?: number; tlp?: Tlp; assignee?: string; tag?: string; agency?: string; text?: string } {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.sector ? { sector: f.sector } : {}),
    ...(f.severity ? { severity: Number(f.severity) } : {}),
    ...(f.tlp ? { tlp: f.tlp } : {}),
    ...(f.assignee ? { assignee: f.assignee === '-' ? '' : f.assignee } : {}),
    ...(f.tag.trim() ? { tag: f.tag.trim().toLowerCase() } : {}),
    ...(f.agency.trim() ? { agency: f.agency.trim() } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  };
}

/** True when any filter is set. */
export function isFiltered(f: CaseListFilters): boolean {
  return Object.keys(listParams(f)).length > 0;
}

/** The case list's state for workspace `ws`, read from and written to sessionStorage. */
export function useCaseListState(ws: string, sortKeys: readonly CaseSortKey[]): [CaseListState, (next: CaseListState) => void] {
  const key = `nest-case-list:${ws}`;
  const [state, setState] = useState<CaseListState>(() => parseCaseListState(sessionStorage.getItem(key), sortKeys));
  useEffect(() => {
    sessionStorage.setItem(key, JSON.stringify(state));
  }, [key, state]);
  return [state, setState];
}
