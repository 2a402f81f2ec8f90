/**
 * English sentences of the methodology statements (`valuation.method.*`, shared/valuation/
 * methodology.ts): how a seizure was valued, how a case or network total was made, the
 * undetected-flow assumption and the published context figures. They go into the app and into case
 * packs, so their wording is part of the product: change it here, and its tests, on purpose only.
 * Counts use ICU plurals; figures arrive formatted (money ranges, rates, dates), so the sentences
 * carry no arithmetic.
 */
export const valuationMethodologyMessages = {
  'valuation.method.unit-name':
    '{unit, select, g {{count, plural, one {gram} other {grams}}} kg {{count, plural, one {kilogram} other {kilograms}}} t {{count, plural, one {tonne} other {tonnes}}} l {{count, plural, one {litre} other {litres}}} m3 {{count, plural, one {cubic metre} other {cubic metres}}} pieces {{count, plural, one {piece} other {pieces}}} head {head} containers {{count, plural, one {container} other {containers}}} other {{unit}}}',
  'valuation.method.quantity': '{value} {name}',
  'valuation.method.quote-age': ', {days, plural, one {# day} other {# days}} before {date}{stale, select, yes { (stale)} other {}}',
  'valuation.method.quote-definition': 'EUR 1 per EUR (the base currency)',
  'valuation.method.quote-ecb': '{currency} {perEur} per EUR (ECB euro reference rate of {date}{age})',
  'valuation.method.quote-user': '{currency} {perEur} per EUR (rate entered for {date}{age}; source: {source})',
  'valuation.method.quote-user-usd': '{currency} {perUsd} per USD (rate entered for {date}{age}; source: {source}), i.e. {currency} {perEur} per EUR with {usdLeg}',
  'valuation.method.no-conversion': 'No conversion to {to} is needed: {range}.',
  'valuation.method.conversion':
    'Converted from {from} to {to}{throughEuro, select, yes { through the euro} other {}} at the rates for {date}: {quotes}, so 1 {from} = {rate} {to}: {range}.',
  'valuation.method.on-day': 'on {date}',
  'valuation.method.in-period': 'in {period} (date known only to the {precision}; {date} was used for exchange rates)',
  'valuation.method.seizure': 'The seizure of {quantity} of {hasCommodity, select, yes {{commodity}} other {the commodity}} {when} was valued at a unit price.',
  'valuation.method.unit-price':
    'Unit price: {currency} {price} per {unit} of {commodity}{hasTaxon, select, yes { ({taxon})} other {}}, {level} level, {where}, dated {date} (source: {title}{hasUrl, select, yes {, {url}} other {}}).',
  'valuation.method.quantity-converted': 'The quantity was converted to the price’s unit: {from} = {to} (1 {fromUnit} = {factor} {toUnit}).',
  'valuation.method.factor-applied': 'A conversion factor of {factor} ({label}) was applied.',
  'valuation.method.arithmetic':
    'Quantity × unit price{hasFactor, select, yes { × factor} other {}} = {quantity} × {currency} {price}{hasFactor, select, yes { × {factor}} other {}} = {result}.',
  'valuation.method.price-as-published': 'The price is used as published, without adjustment for inflation or market change between {priceDate} and {date}.',
  'valuation.method.reported':
    'The authorities reported a value of {value}{hasUsd, select, yes { ({usd} at the same date’s rates)} other {}}. That figure is shown for comparison only and is not part of this estimate.',
  'valuation.method.seizure-id': 'Seizure {id}',
  'valuation.method.price-id': 'price reference {id}',
  'valuation.method.failure': '{seizure} could not be valued with {price}: {problems}',
  'valuation.method.total':
    '{count, plural, one {# seizure was} other {# seizures were}} valued; the estimated total is {usd}{hasReporting, select, yes { ({reporting})} other {}}.',
  'valuation.method.no-total': 'No seizure could be valued, so there is no estimated total.',
  'valuation.method.low-high': 'The low total adds every seizure’s low value and the high total every seizure’s high value.',
  'valuation.method.several-prices': 'Where a seizure was valued with several prices, the range covering all of them was used.',
  'valuation.method.not-valued': '{count, plural, one {# seizure has no valuation and is} other {# seizures have no valuation and are}} not included.',
  'valuation.method.excluded': '{count, plural, one {# seizure could not be valued and is} other {# seizures could not be valued and are}} not included:',
  'valuation.method.stale': 'Some exchange rates used are older than the dates they convert by more than the stale threshold; see the seizures concerned.',
  'valuation.method.reported-total': 'The authorities reported values totalling {values}. These are shown separately and are not added to the estimate.',
  'valuation.method.flow-total':
    'Under this assumption the whole flow would be {flow} (seized value ÷ interdiction rate: the low end divides the low seized value by {high}, the high end the high seized value by {low}), of which {undetected} would have gone undetected.',
  'valuation.method.flow-not-evidence': 'These flow figures follow from the assumption; they are not evidence of any quantity actually trafficked.',
  'valuation.method.context': '{label}: {display}, published estimate ({citation}){toVerify, select, yes { [citation to be verified]} other {}}. {disclaimer}',
} as const;
