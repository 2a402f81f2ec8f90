/**
 * The importer's commodity check: the imported commodities that the workspace's catalogue (curated
 * list plus the workspace's own names, shared/domain/commodities.ts) does not know, said once in the
 * report's warnings with how many rows name each. The cells are kept as written, like the seizure
 * form's "not in the list"; an admin adds a recurring name (or alias) to the workspace's list.
 */
import type { CommodityCatalogue } from '../../shared/domain/commodities';
import { commodityKey } from '../../shared/domain/commodities';
import type { SeizureFields } from '../../shared/domain/seizure';
import { t } from '../../shared/messages';

/** How many distinct unlisted commodities the warning names before "and N more". */
export const UNLISTED_NAMED = 8;

/**
 * The unlisted commodities of an import, tallied row by row (an import streamed as it is read
 * adds each batch as it goes): {@link UnlistedCommodities.warning} says them as
 * {@link unlistedCommodityWarning} does.
 */
export class UnlistedCommodities {
  private readonly counts = new Map<string, UnlistedCommodity>();

  constructor(private readonly catalogue: CommodityCatalogue) {}

  /** Counts one imported row's commodity (as written in the file); `line`: the row's file line, kept so a stopped import can count its written rows only. */
  add(commodity: string, line?: number): void {
    if (this.catalogue.check(commodity).status !== 'unlisted') return;
    const k = commodityKey(commodity);
    let c = this.counts.get(k);
    if (!c) this.counts.set(k, (c = { name: commodity.trim(), lines: [] }));
    c.lines.push(line ?? 0);
  }

  /** Each unlisted commodity with the lines of its rows (plain data: it crosses from the parse worker). */
  list(): UnlistedCommodity[] {
    return [...this.counts.values()];
  }

  /** The warning (most rows first, then alphabetically), or null when every commodity added is listed. */
  warning(): string | null {
    return unlistedWarning(this.list());
  }
}

/** An unlisted commodity of an import and the file lines of the rows that name it. */
export interface UnlistedCommodity {
  name: string;
  lines: number[];
}

/**
 * The warning for `unlisted` (most rows first, then alphabetically), counting only the rows
 * `counts` keeps (default: every row), or null when none is left.
 */
export function unlistedWarning(unlisted: readonly UnlistedCommodity[], counts: (line: number) => boolean = () => true): string | null {
  const tallied = unlisted.map((c) => ({ name: c.name, rows: c.lines.filter(counts).length })).filter((c) => c.rows > 0);
  const rows = tallied.reduce((n, c) => n + c.rows, 0);
  if (!rows) return null;
  const sorted = tallied.sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  const named = sorted.slice(0, UNLISTED_NAMED).map((c) => t('import.unlisted-commodity', { name: c.name, count: c.rows })).join(', ');
  return t('import.warning.unlisted-commodities', { count: rows, names: named, more: sorted.length - Math.min(sorted.length, UNLISTED_NAMED) });
}

/**
 * The warning for the commodities of `seizures` that `catalogue` does not list (most rows first,
 * then alphabetically; spellings that differ only in case, spacing or width count as one), or null
 * when every commodity is listed.
 */
export function unlistedCommodityWarning(seizures: readonly { fields: Pick<SeizureFields, 'commodity'> }[], catalogue: CommodityCatalogue): string | null {
  const tally = new UnlistedCommodities(catalogue);
  for (const s of seizures) tally.add(s.fields.commodity);
  return tally.warning();
}
