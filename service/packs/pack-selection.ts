/**
 * What a partial export keeps (docs/case-packs.md, "Selection"): seizures by date range and by
 * id, exhibits by id and never one of a seizure left out, every custody entry of a kept exhibit
 * (a chain of custody is never cut), the valuations of kept seizures, the files of kept exhibits,
 * and the audit entries that do not target a record left out. No selection keeps everything.
 */
import type { CustodyEntry } from '../../shared/domain/custody';
import type { Exhibit } from '../../shared/domain/exhibit';
import type { Seizure } from '../../shared/domain/seizure';
import type { AttachedFile } from '../../shared/domain/attached-file';
import type { PackSelection } from '../../shared/packs/manifest';

/** Decides per record whether a selection keeps it. */
export interface Selector {
  seizure(s: Seizure): boolean;
  /** `keptSeizures`: the ids {@link seizure} kept. */
  exhibit(e: Exhibit, keptSeizures: ReadonlySet<string>): boolean;
}

/** The selection in its recorded form: ids sorted and unique, empty fields dropped (same selection, same bytes). */
export function normaliseSelection(sel: PackSelection | undefined): PackSelection | undefined {
  if (!sel) return undefined;
  const ids = (l: string[] | undefined): string[] | undefined => (l ? [...new Set(l)].sort() : undefined);
  const out: PackSelection = {
    ...(sel.from ? { from: sel.from } : {}),
    ...(sel.to ? { to: sel.to } : {}),
    ...(sel.seizureIds ? { seizureIds: ids(sel.seizureIds)! } : {}),
    ...(sel.exhibitIds ? { exhibitIds: ids(sel.exhibitIds)! } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

/** The selector of `sel` (undefined: the whole case). */
export function selector(sel: PackSelection | undefined): Selector {
  if (!sel) return { seizure: () => true, exhibit: () => true };
  const seizureIds = sel.seizureIds ? new Set(sel.seizureIds) : null;
  const exhibitIds = sel.exhibitIds ? new Set(sel.exhibitIds) : null;
  const ranged = sel.from !== undefined || sel.to !== undefined;
  // A seizure date may be YYYY, YYYY-MM or YYYY-MM-DD (its precision): compare on its first day.
  const day = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  return {
    seizure: (s) => {
      if (seizureIds && !seizureIds.has(s.id)) return false;
      if (!ranged) return true;
      if (!s.seizureDate) return false;
      const d = day(s.seizureDate);
      return (sel.from === undefined || d >= sel.from) && (sel.to === undefined || d <= sel.to);
    },
    exhibit: (e, kept) => (!exhibitIds || exhibitIds.has(e.id)) && (e.seizureId === null || kept.has(e.seizureId) || (!seizureIds && !ranged)),
  };
}

/** The files a pack carries: with no selection every live file; else the live files the kept exhibits cite. */
export function selectedFiles(files: readonly AttachedFile[], exhibits: readonly Exhibit[], whole: boolean): AttachedFile[] {
  const live = files.filter((f) => !f.deleted);
  if (whole) return live;
  const cited = new Set(exhibits.flatMap((e) => e.fileIds));
  return live.filter((f) => cited.has(f.id));
}

/** The custody entries of the kept exhibits, in recording order (recorded time, then id: independent of merge order). */
export function selectedCustody(entries: readonly CustodyEntry[], exhibits: readonly Exhibit[]): CustodyEntry[] {
  const kept = new Set(exhibits.map((e) => e.id));
  return entries.filter((c) => kept.has(c.exhibitId)).sort((a, b) => a.recordedAt - b.recordedAt || a.id.localeCompare(b.id));
}
