/**
 * English messages about the records of the shared docs (`record.*`, `case.*`, `doc.*`): a record
 * that does not exist or exists already, a batch with a bad record, limits of a case.
 */

/** The kinds of record, as the `kind` of a select: `{kind, select, …}`. */
const KIND = 'seizure {Seizure} route {Route} valuation {Valuation} priceReference {Price reference} exchangeRate {Exchange rate} member {Member} case {Case} entity {Entity} link {Link} file {File} exhibit {Exhibit} custodyEntry {Custody entry} caseLink {Case link} commodity {Commodity} other {Record}';
const kindLower = 'seizure {seizure} route {route} valuation {valuation} priceReference {price reference} exchangeRate {exchange rate} member {member} case {case} entity {entity} link {link} file {file} exhibit {exhibit} custodyEntry {custody entry} caseLink {case link} commodity {commodity} other {record}';

export const recordMessages = {
  'record.not-found': `{kind, select, ${KIND}} {id} does not exist`,
  'record.exists': `{kind, select, ${kindLower}} {id} already exists`,
  'case-link.self': 'A case cannot be linked to itself',
  'case-link.exists': 'This case is already linked to that case: edit the existing link’s reason instead',
  'record.nth-invalid': 'record {n, number}: {detail}',
  'record.nth-seizure-invalid': 'seizure {n, number}: {detail}',
  'record.seizure-not-in-case': 'Seizure {id} does not exist in this case',
  'record.unknown-field': 'is not a field of this record',
  'record.cannot-change': 'cannot be changed',
  'record.valuation-seizure-fixed': 'seizureId: cannot be changed; delete the valuation and add another',
  'case.summary-too-long': 'summary: must be at most {max, number} characters',
  'case.too-many-seizures':
    'A case holds at most {max, number} seizures; this would make {total, number}. Split the data into several cases (e.g. by year or route).',
  'case.too-many-volumes': 'A case holds at most {max, number} volumes of seizures. Split the data into several cases.',
  'case.volume-full': 'A volume of a case holds at most {max, number} seizures; the rest go into the next volume.',
  'doc.bad-name': '"{name}" is not a document name',
} as const;
