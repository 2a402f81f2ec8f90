/**
 * The seizure table's optional columns for the complete seizure model (issue 11 item 6), hidden
 * until the member shows them with the column chooser (ui/column-chooser.tsx): transport mode,
 * detection method, concealment, taxon with its CITES appendix from the bundled species list, and
 * the route by role (origin → export → transit → destination, a transit country where a seizure
 * opportunity was missed marked so).
 */
import type { SeizureRow } from '../../../shared/rpc/cases';
import type { Column } from '../ui/data-table';
import type { SeizureSortKey } from './seizure-sort';
import { concealmentMethodLabel, detectionMethodLabel, transportModeLabel } from '../../../shared/domain/seizure-labels';
import { lookupTaxon } from '../../../shared/domain/species';
import { t } from '../../../shared/messages';

/** The CITES hint of a taxon: "App. II" when the bundled list has it, else empty. */
export function citesHint(taxon: string): string {
  const c = lookupTaxon(taxon);
  return c.status === 'listed' ? t('seizure.col.appendix', { appendix: c.entry.appendix }) : '';
}

/** The route as one line: countries by role in travel order, missed transit countries marked. */
export function routeText(s: Pick<SeizureRow, 'originCountries' | 'exportCountries' | 'transitCountries' | 'missedTransitCountries' | 'destinationCountries'>): string {
  const missed = new Set(s.missedTransitCountries);
  const transit = s.transitCountries.map((c) => (missed.has(c) ? t('seizure.col.missed', { country: c }) : c));
  return [s.originCountries.join(', '), s.exportCountries.join(', '), ...transit, s.destinationCountries.join(', ')].filter(Boolean).join(' → ');
}

const muted = <span className="muted">—</span>;

/** The optional model columns, hidden by default. */
export function seizureModelColumns(): Column<SeizureRow, SeizureSortKey>[] {
  return [
    { id: 'transport', header: t('seizure.col.transport'), optional: true, defaultHidden: true, cell: (s) => (s.transportMode ? transportModeLabel(s.transportMode) : muted) },
    { id: 'detection', header: t('seizure.col.detection'), optional: true, defaultHidden: true, cell: (s) => (s.detectionMethod ? detectionMethodLabel(s.detectionMethod) : muted) },
    { id: 'concealment', header: t('seizure.col.concealment'), optional: true, defaultHidden: true, cell: (s) => (s.concealmentMethod ? concealmentMethodLabel(s.concealmentMethod) : muted) },
    {
      id: 'taxon',
      header: t('seizure.col.taxon'),
      optional: true,
      defaultHidden: true,
      cell: (s) =>
        s.taxon ? (
          <>
            <span className="taxon">{s.taxon}</span> <span className="cell-secondary">{citesHint(s.taxon)}</span>
          </>
        ) : (
          muted
        ),
    },
    { id: 'route', header: t('seizure.col.route'), optional: true, defaultHidden: true, cell: (s) => routeText(s) || muted },
  ];
}
