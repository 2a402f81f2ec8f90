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
  private readonly counts = new Map<string, { name: string; rows: number }>();
  private rows = 0;

  constructor(private readonly catalogue: CommodityCatalogue) {}

  /** Counts one imported row's commodity (as written in the file). */
  add(commodity: string): void {
    if (this.catalogue.check(commodity).status !== 'unlisted') return;
    this.rows++;
    const k = commodityKey(commodity);
    const c = this.counts.get(k);
    if (c) c.rows++;
    else this.counts.set(k, { name: commodity.trim(), rows: 1 });
  }

  /** The warning (most rows first, then alphabetically), or null when every commodity added is listed. */
  warning(): string | null {
    if (!this.rows) return null;
    const sorted = [...this.counts.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
    const named = sorted.slice(0, UNLISTED_NAMED).map((c) => t('import.unlisted-commodity', { name: c.name, count: c.rows })).join(', ');
    return t('import.warning.unlisted-commodities', { count: this.rows, names: named, more: sorted.length - Math.min(sorted.length, UNLISTED_NAMED) });
  }
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
