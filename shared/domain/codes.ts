/**
 * Controlled vocabularies of the domain: crime sectors, case status, TLP 2.0 markings,
 * date and location precision, quantity units and member roles.
 *
 * Each list is a readonly tuple so that zod enums and TypeScript unions derive from one place,
 * and each has an English label table for the UI and for exports.
 */

/** Environmental crime sectors, after the UNEP-INTERPOL "Rise of Environmental Crime" (2016) split, plus ODS. */
export const CRIME_SECTORS = ['wildlife', 'forestry', 'fisheries', 'mining', 'waste', 'ods', 'other'] as const;
/** One crime sector. */
export type CrimeSector = (typeof CRIME_SECTORS)[number];
/** Display labels of {@link CRIME_SECTORS}. */
export const CRIME_SECTOR_LABELS: Record<CrimeSector, string> = {
  wildlife: 'Wildlife',
  forestry: 'Forestry / timber',
  fisheries: 'Fisheries (IUU)',
  mining: 'Illegal mining',
  waste: 'Waste & pollution',
  ods: 'Ozone-depleting substances',
  other: 'Other',
};

/** Life-cycle of a case file, from intake to closure. */
export const CASE_STATUSES = ['open', 'investigating', 'prosecution', 'closed'] as const;
/** One case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Display labels of {@link CASE_STATUSES}. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  investigating: 'Under investigation',
  prosecution: 'With prosecution',
  closed: 'Closed',
};

/** Traffic Light Protocol 2.0 markings (FIRST, https://www.first.org/tlp/), least to most restricted. */
export const TLP_MARKINGS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
/** One TLP 2.0 marking. */
export type Tlp = (typeof TLP_MARKINGS)[number];
/** One-line meaning of each TLP marking, from the FIRST TLP 2.0 standard. */
export const TLP_DESCRIPTIONS: Record<Tlp, string> = {
  CLEAR: 'Disclosure is not limited.',
  GREEN: 'Limited disclosure, restricted to the community.',
  AMBER: 'Limited disclosure, restricted to participants’ organisations and their clients on a need-to-know basis.',
  'AMBER+STRICT': 'Limited disclosure, restricted to participants’ organisations only.',
  RED: 'For the eyes and ears of individual recipients only, no further disclosure.',
};

/** How precisely a seizure date is known: the day, only the month, or only the year. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
/** One date precision. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** What a coordinate pair stands for: the exact spot, or the centroid of a city, port, region or country. */
export const LOCATION_PRECISIONS = ['exact', 'city', 'port', 'region', 'country'] as const;
/** One location precision. */
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/**
 * Units a seized quantity may be recorded in. Mass: g, kg, t (metric tonne). Volume: l, m3.
 * Counts: pieces (logs, horns, cylinders, vessels), head (live animals), containers (shipping containers).
 */
export const QUANTITY_UNITS = ['g', 'kg', 't', 'l', 'm3', 'pieces', 'head', 'containers'] as const;
/** One quantity unit. */
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
/** Display labels of {@link QUANTITY_UNITS}. */
export const QUANTITY_UNIT_LABELS: Record<QuantityUnit, string> = {
  g: 'g',
  kg: 'kg',
  t: 't',
  l: 'l',
  m3: 'm³',
  pieces: 'pieces',
  head: 'head',
  containers: 'containers',
};

/** CITES appendices (https://cites.org/eng/app/index.php). */
export const CITES_APPENDICES = ['I', 'II', 'III'] as const;
/** One CITES appendix. */
export type CitesAppendix = (typeof CITES_APPENDICES)[number];

/**
 * Workspace roles. admin: manages members and the workspace; investigator: reads and writes cases;
 * prosecutor: reads and writes cases and exports case packs; observer: reads only (e.g. an NGO).
 */
export const MEMBER_ROLES = ['admin', 'investigator', 'prosecutor', 'observer'] as const;
/** One member role. */
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** Display labels of {@link MEMBER_ROLES}. */
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  admin: 'Workspace admin',
  investigator: 'Investigator',
  prosecutor: 'Prosecutor',
  observer: 'Observer (read-only)',
};

/**
 * How the goods travelled when seized, after the conveyance categories of the WCO Customs
 * Enforcement Network (CEN) and the ETIS seizure form: air, sea, road, rail, inland waterway,
 * post or express courier, on foot (a person crossing a border with the goods), or other.
 */
export const TRANSPORT_MODES = ['air', 'sea', 'road', 'rail', 'inland-water', 'post', 'foot', 'other'] as const;
/** One transport mode. */
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * How a seizure was detected, after the ETIS seizure data form ("method of detection") and the
 * WCO CEN detection categories: risk profiling (targeting), X-ray or other scanner, sniffer dog,
 * tip-off (informant), routine inspection, intelligence-led operation, patrol, or other.
 */
export const DETECTION_METHODS = ['profiling', 'scanner', 'sniffer-dog', 'tip-off', 'routine-inspection', 'intelligence', 'patrol', 'other'] as const;
/** One detection method. */
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

/**
 * How the goods were concealed, after the ETIS concealment categories and the WCO CEN
 * concealment codes: not concealed, misdeclared (declared as other goods), mixed with legal goods,
 * hidden in cargo, in a false compartment, in luggage, on the body, in a postal parcel, in a
 * vehicle, or other. "Not concealed" is `not-concealed`, never `none`: an import reads a cell
 * "none" as a missing value, so that code would not survive an export and re-import.
 */
export const CONCEALMENT_METHODS = ['not-concealed', 'misdeclared', 'mixed-with-legal-goods', 'hidden-in-cargo', 'false-compartment', 'luggage', 'on-body', 'postal-parcel', 'vehicle', 'other'] as const;
/** One concealment method. */
export type ConcealmentMethod = (typeof CONCEALMENT_METHODS)[number];
