/**
 * Published global estimates of environmental crime, shown as context beside a case's figures.
 * They are other organisations' estimates, quoted with their sources, and are never presented or
 * added up as NEST Desk's own figures: every item carries {@link CONTEXT_DISCLAIMER}.
 *
 * Figures are annual values in USD billions (nominal, as published), stored as {@link MoneyRange}s
 * in whole USD. Verification status (checked against stored copies of the publications, see
 * docs/valuation.md § Sources): each figure says whether it was checked and against what.
 */
import type { CrimeSector } from '../domain/codes';
import { moneyRange, type MoneyRange } from './money';

/** A bibliographic reference. */
export interface Citation {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  readonly publisher: string;
  /** Where the publication can be read ('' when no checked address is known). */
  readonly url: string;
  /** Where in the publication, e.g. a table. */
  readonly locator?: string;
}

/** How far a figure has been checked. */
export interface Verification {
  readonly status: 'verified' | 'to-verify';
  readonly note: string;
}

/** One published estimate. */
export interface ContextFigure {
  readonly id: string;
  /** What is estimated, in the publication's words. */
  readonly label: string;
  /** The matching NEST Desk sector, or null for a total. */
  readonly sector: CrimeSector | null;
  /** Annual value, USD (whole dollars; the publication gives USD billions). */
  readonly perYear: MoneyRange;
  /** "50.7–152 USD bn a year", as published. */
  readonly display: string;
  readonly citation: Citation;
  readonly verification: Verification;
  readonly disclaimer: string;
}

/** Shown with every context figure. */
export const CONTEXT_DISCLAIMER = 'Published estimate by UNEP, INTERPOL and partners, shown for context. It is not a NEST Desk figure and is not computed from this workspace’s data.';

/** Nellemann et al. (eds.) 2016, The Rise of Environmental Crime (UNEP-INTERPOL Rapid Response Assessment). */
export const RISE_OF_ENVIRONMENTAL_CRIME_2016: Citation = {
  authors: 'Nellemann, C. (Editor in Chief); Henriksen, R., Kreilhuber, A., Stewart, D., Kotsovou, M., Raxter, P., Mrema, E., Barrat, S. (Eds.)',
  year: 2016,
  title: 'The Rise of Environmental Crime – A Growing Threat to Natural Resources, Peace, Development and Security. A UNEP-INTERPOL Rapid Response Assessment',
  publisher: 'United Nations Environment Programme and RHIPTO Rapid Response–Norwegian Center for Global Analyses (ISBN 978-82-690434-1-9, pdf)',
  url: 'https://grid.cld.bz/The-Rise-of-Environmental-Crime-A-Growing-Threat-to-Natural-Resources-Peace-Development-and-Security/20/',
  locator: 'Table: "Different forms of environmental crimes and their approximate estimated scale", column "Annual loss of resources 2016 estimate (USD)"',
};

/** Nellemann et al. (eds.) 2018, World Atlas of Illicit Flows. */
export const WORLD_ATLAS_OF_ILLICIT_FLOWS_2018: Citation = {
  authors: 'Nellemann, C. et al. (Eds.)',
  year: 2018,
  title: 'World Atlas of Illicit Flows',
  publisher: 'RHIPTO – Norwegian Center for Global Analyses, INTERPOL and partners (publisher line to be verified: cited in the issue as INTERPOL-UN Environment-RHIPTO, elsewhere as a RHIPTO-INTERPOL-GI assessment)',
  url: '',
};

const bn = (low: number, high: number): MoneyRange => moneyRange(Number(`${low}e9`), Number(`${high}e9`), 'USD');

const TABLE_2016: Verification = {
  status: 'verified',
  note: 'Checked against a stored online copy of the 2016 report (table of estimated scale, p. 20 of the online edition).',
};
const TABLE_2016_KEPT_FROM_2014: Verification = {
  status: 'verified',
  note: 'The 2016 table (p. 20 of the online edition) keeps the earlier estimate for this sector ("previous estimate is kept"); the earlier figure is in table 1 of The Environmental Crime Crisis (UNEP-INTERPOL 2014), checked in a stored online copy.',
};
const TABLE_2016_UNREAD: Verification = {
  status: 'to-verify',
  note: 'As given in the issue. The stored copy of the 2016 table (p. 20) shows the fisheries sources as 10–23 and 10–23.5 USD bn, not the estimate cell itself; 11–23.5 is consistent with the published total (sum of lows 90.7 ≈ 91, highs 258.5 ≈ 258). Check the printed table before citing.',
};

/** The UNEP-INTERPOL 2016 estimates per sector and their total (USD billions a year). */
export const UNEP_INTERPOL_2016: readonly ContextFigure[] = [
  { id: 'rec2016-forestry', label: 'Illegal logging and trade (forestry crime)', sector: 'forestry', perYear: bn(50.7, 152), display: '50.7–152 USD bn a year', citation: RISE_OF_ENVIRONMENTAL_CRIME_2016, verification: TABLE_2016, disclaimer: CONTEXT_DISCLAIMER },
  { id: 'rec2016-fisheries', label: 'Illegal fisheries', sector: 'fisheries', perYear: bn(11, 23.5), display: '11–23.5 USD bn a year', citation: RISE_OF_ENVIRONMENTAL_CRIME_2016, verification: TABLE_2016_UNREAD, disclaimer: CONTEXT_DISCLAIMER },
  { id: 'rec2016-mining', label: 'Illegal extraction and trade in minerals (mining)', sector: 'mining', perYear: bn(12, 48), display: '12–48 USD bn a year', citation: RISE_OF_ENVIRONMENTAL_CRIME_2016, verification: TABLE_2016_KEPT_FROM_2014, disclaimer: CONTEXT_DISCLAIMER },
  { id: 'rec2016-waste', label: 'Illegal trade and dumping of hazardous waste', sector: 'waste', perYear: bn(10, 12), display: '10–12 USD bn a year', citation: RISE_OF_ENVIRONMENTAL_CRIME_2016, verification: TABLE_2016_KEPT_FROM_2014, disclaimer: CONTEXT_DISCLAIMER },
  { id: 'rec2016-wildlife', label: 'Illegal trade and poaching of plants and wildlife', sector: 'wildlife', perYear: bn(7, 23), display: '7–23 USD bn a year', citation: RISE_OF_ENVIRONMENTAL_CRIME_2016, verification: TABLE_2016_KEPT_FROM_2014, disclaimer: CONTEXT_DISCLAIMER },
  {
    id: 'rec2016-total',
    label: 'Environmental crime, total',
    sector: null,
    perYear: bn(91, 258),
    display: '91–258 USD bn a year',
    citation: RISE_OF_ENVIRONMENTAL_CRIME_2016,
    verification: { status: 'verified', note: 'Checked against the report’s summary in stored copies ("USD 91 billion to USD 258 billion annually").' },
    disclaimer: CONTEXT_DISCLAIMER,
  },
];

/** The later total: 110–281 USD bn a year (World Atlas of Illicit Flows, 2018). */
export const WORLD_ATLAS_2018_TOTAL: ContextFigure = {
  id: 'atlas2018-total',
  label: 'Environmental crime, total (later estimate)',
  sector: null,
  perYear: bn(110, 281),
  display: '110–281 USD bn a year',
  citation: WORLD_ATLAS_OF_ILLICIT_FLOWS_2018,
  verification: {
    status: 'to-verify',
    note: 'The figure is confirmed by secondary reports of the 2018 study (e.g. OCCRP, relayed by IUU Watch, Oct 2018: "between US$110 and US$281 billion annually"); the atlas itself and its exact publisher line were not checked.',
  },
  disclaimer: CONTEXT_DISCLAIMER,
};

/** Every context figure, 2016 sectors and total first, then the later total. */
export const CONTEXT_FIGURES: readonly ContextFigure[] = [...UNEP_INTERPOL_2016, WORLD_ATLAS_2018_TOTAL];

/** The context figures for a sector (none for `ods` and `other`, which the 2016 table does not split out). */
export function contextForSector(sector: CrimeSector): ContextFigure[] {
  return CONTEXT_FIGURES.filter((f) => f.sector === sector);
}

/** "Nellemann, C. (…) (2016). The Rise of … United Nations … <url>": a citation in one line. */
export function formatCitation(c: Citation): string {
  return `${c.authors} (${c.year}). ${c.title}. ${c.publisher}.${c.locator ? ` ${c.locator}.` : ''}${c.url ? ` ${c.url}` : ''}`;
}
