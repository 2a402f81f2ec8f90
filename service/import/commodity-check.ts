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
 * The warning for the commodities of `seizures` that `catalogue` does not list (most rows first,
 * then alphabetically; spellings that differ only in case, spacing or width count as one), or null
 * when every commodity is listed.
 */
export function unlistedCommodityWarning(seizures: readonly { fields: Pick<SeizureFields, 'commodity'> }[], catalogue: CommodityCatalogue): string | null {
  const counts = new Map<string, { name: string; rows: number }>();
  let rows = 0;
  for (const s of seizures) {
    if (catalogue.check(s.fields.commodity).status !== 'unlisted') continue;
    rows++;
    const k = commodityKey(s.fields.commodity);
    const c = counts.get(k);
    if (c) c.rows++;
    else counts.set(k, { name: s.fields.commodity.trim(), rows: 1 });
  }
  if (!rows) return null;
  const sorted = [...counts.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  const named = sorted.slice(0, UNLISTED_NAMED).map((c) => t('import.unlisted-commodity', { name: c.name, count: c.rows })).join(', ');
  return t('import.warning.unlisted-commodities', { count: rows, names: named, more: sorted.length - Math.min(sorted.length, UNLISTED_NAMED) });
}
