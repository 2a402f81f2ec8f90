/**
 * The seizure form's checks of commodity and taxon against the workspace's commodity catalogue
 * (curated list plus its own names) and the bundled species list (shared/domain/commodities.ts, species.ts): a line under the field that
 * says what the list knows, or that the value is not in it (kept as written, never refused).
 */
import { CURATED_CATALOGUE, type CommodityCatalogue } from '../../../shared/domain/commodities';
import { CRIME_SECTOR_LABELS } from '../../../shared/domain/codes';
import type { ReactNode } from 'react';
import type { CitesAppendix } from '../../../shared/domain/codes';
import { SPECIES_VALID_FROM, appendixConflict, listedAppendixText, lookupTaxon } from '../../../shared/domain/species';
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
  if (c.status === 'unknown') return t('seizure.taxon.unknown', { compiled: SPECIES_VALID_FROM });
  const e = c.entry;
  const line = c.matchedBy === 'genus' ? t('seizure.taxon.listed-genus', { name: e.name, appendix: e.appendix }) : t('seizure.taxon.listed', { name: e.name, common: e.common, appendix: e.appendix });
  return e.split ? `${line} ${t('seizure.taxon.split')}` : line;
}


/**
 * A seizure's CITES appendix as the detail shows it (tester s28 B6): the declared one, with what the
 * bundled list says when it contradicts it; none declared, the list's appendix for the taxon
 * (its source and date, or for a split listing "check Species+") in muted text; else "—".
 */
export function CitesAppendixText(props: { taxon: string; declared: CitesAppendix | null }): ReactNode {
  if (props.declared) {
    const conflict = appendixConflict(props.taxon, props.declared);
    return (
      <>
        {t('ui.case.detail.appendix', { appendix: props.declared })}
        {conflict ? <span className="muted"> ({t('seizure.cites.differs', { name: conflict.name, appendix: conflict.appendix })})</span> : null}
      </>
    );
  }
  const listed = listedAppendixText(props.taxon);
  return listed ? <span className="muted">{t('seizure.cites.none-declared', { listed })}</span> : '—';
}
