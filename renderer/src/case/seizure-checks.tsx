/**
 * The seizure form's checks of commodity and taxon against the workspace's commodity catalogue
 * (curated list plus its own names) and the bundled species list (shared/domain/commodities.ts, species.ts): a line under the field that
 * says what the list knows, or that the value is not in it (kept as written, never refused).
 */
import { CURATED_CATALOGUE, type CommodityCatalogue } from '../../../shared/domain/commodities';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import { SPECIES_SOURCE, lookupTaxon } from '../../../shared/domain/species';
import { t } from '../../../shared/messages';

/** The hint under the commodity field, checked against the workspace's `catalogue`; undefined for an empty commodity. */
export function commodityHint(commodity: string, catalogue: CommodityCatalogue = CURATED_CATALOGUE): string | undefined {
  const c = catalogue.check(commodity);
  if (c.status === 'listed') return t('seizure.commodity.listed', { sector: CRIME_SECTOR_LABELS[c.entry.sector] });
  if (c.status === 'workspace') return t('seizure.commodity.workspace');
  if (c.status === 'unlisted') return t('seizure.commodity.unlisted');
  return undefined;
}

/** The hint under the taxon field, or undefined for an empty taxon. */
export function taxonHint(taxon: string): string | undefined {
  const c = lookupTaxon(taxon);
  if (c.status === 'empty') return undefined;
  if (c.status === 'unknown') return t('seizure.taxon.unknown', { compiled: SPECIES_SOURCE.source.match(/valid from ([^()]+?) \(/)?.[1] ?? SPECIES_SOURCE.compiled });
  const e = c.entry;
  const line = c.matchedBy === 'genus' ? t('seizure.taxon.listed-genus', { name: e.name, appendix: e.appendix }) : t('seizure.taxon.listed', { name: e.name, common: e.common, appendix: e.appendix });
  return e.split ? `${line} ${t('seizure.taxon.split')}` : line;
}

