/**
 * English sentences of the valuation core's checks (`valuation-core.*`, shared/valuation):
 * dates, currencies, intervals, units, estimates and user-entered rates.
 */
export const valuationCoreMessages = {
  'valuation-core.date.invalid': '{what}: "{date}" is not a real date written YYYY-MM-DD',
  'valuation-core.seizure-currency': 'valuation of seizure {seizureId} is in {currency}, not the reporting currency {reportingCurrency}',
  'valuation-core.case-currency': 'a case estimate is in {currency}, not {reportingCurrency}',
  'valuation-core.interdiction-rate': 'interdiction rate: {detail}',
  'valuation-core.interval': '{what}: {detail}',
  'valuation-core.currency-code': '{what}: currency must be a three-letter ISO 4217 code (got "{currency}")',
  'valuation-core.currency-mix': '{what}: cannot combine {from} with {currency}; convert to one currency first',
  'valuation-core.hull-empty': 'hull: needs at least one range',
  'valuation-core.unit-unknown': 'unit: "{unit}" is not a known unit ({units})',
  'valuation-core.unit-incompatible': 'unit: {detail}',
  'valuation-core.quantity-finite': 'quantity: must be a finite number (got {value})',
  'valuation-core.user-rate': 'exchange rate {currency} {date}: {field}: {detail}',
  'valuation-core.rates-file-rejected': '{fileName}: {why}',
} as const;
