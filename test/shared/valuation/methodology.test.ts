/** Methodology statements: the sentences name every input (quantity, price and source, rates and dates, factor, assumption). */
import { describe, expect, it } from 'vitest';
import { CONTEXT_FIGURES } from '../../../shared/valuation/context';
import { caseEstimate, undetectedFlow } from '../../../shared/valuation/estimates';
import { describeCaseEstimate, describeContext, describeFailure, describeFlow, describeValuation } from '../../../shared/valuation/methodology';
import { valuateSeizure } from '../../../shared/valuation/valuate';
import { IVORY_HKD_2017, IVORY_USD_2014, TIMBER_USD_M3, rateTable, seizure } from './fixtures';

const rates = rateTable();

describe('describeValuation', () => {
  it('P07 in HKD, reported value apart, USD and SGD conversions with their rates and dates', () => {
    const v = valuateSeizure({ seizure: seizure('P07'), price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'SGD' });
    if (!v.ok) throw new Error('not valued');
    const text = describeValuation(v);
    expect(text[0]).toBe('The seizure of 1,323 kilograms of elephant ivory (tusks) on 3 January 2013 was valued at a unit price.');
    expect(text[1]).toBe(
      'Unit price: HKD 10,000 per kilogram of elephant ivory (tusks) (Elephantidae), wholesale level, Hong Kong, dated 4 July 2017 ' +
        '(source: Unit value implied by Hong Kong Customs’ valuation of the 7.2 t seizure of 4 July 2017 (P08), https://www.customs.gov.hk/).',
    );
    expect(text).toContain('Quantity × unit price = 1,323 × HKD 10,000 = HKD 13,230,000.');
    expect(text).toContain(
      'Converted from HKD to USD through the euro at the rates for 3 January 2013: HKD 10.1558 per EUR (ECB euro reference rate of 3 January 2013) and ' +
        'USD 1.3102 per EUR (ECB euro reference rate of 3 January 2013), so 1 HKD = 0.12901 USD: USD 1,706,803.',
    );
    expect(text.some((s) => s.startsWith('Converted from HKD to SGD') && s.includes('SGD 1.6019 per EUR') && s.endsWith('SGD 2,086,801.'))).toBe(true);
    expect(text).toContain('The price is dated 2017-07-04, 4 years from the seizure; prices are not adjusted for inflation or market change.');
    expect(text).toContain('The authorities reported a value of HKD 10,600,000.00 (USD 1,367,506 at the same date’s rates). That figure is shown for comparison only and is not part of this estimate.');
  });
  it('P02 on a Sunday: unit conversion, factor, and the Friday rate with its age', () => {
    const v = valuateSeizure(
      { seizure: seizure('P02'), price: IVORY_USD_2014, factor: { low: 1, high: 1.43, label: 'worked to raw ivory equivalent (test input)' } },
      { rates, reportingCurrency: 'SGD' },
    );
    if (!v.ok) throw new Error('not valued');
    const text = describeValuation(v);
    expect(text).toContain('The quantity was converted to the price’s unit: 8.8 tonnes = 8,800 kilograms (1 t = 1,000 kg).');
    expect(text).toContain('A conversion factor of 1–1.43 (worked to raw ivory equivalent (test input)) was applied.');
    expect(text).toContain('No conversion to USD is needed: USD 18,480,000 – 26,426,400.');
    expect(text.find((s) => s.startsWith('Converted from USD to SGD'))).toContain('SGD 1.5259 per EUR (ECB euro reference rate of 19 July 2019, 2 days before 21 July 2019)');
  });
  it('describes a failure with its reasons', () => {
    const f = valuateSeizure({ seizure: seizure('P28'), price: TIMBER_USD_M3 }, { rates, reportingCurrency: 'USD' });
    if (f.ok) throw new Error('should fail');
    expect(describeFailure(f)).toMatch(/^Seizure P28 could not be valued with price reference 44444444-.*containers \(a count\) cannot be converted to m3/);
  });
});

describe('describeCaseEstimate, describeFlow, describeContext', () => {
  it('states totals, exclusions and that reported values are apart', () => {
    const ss = ['P07', 'P28', 'P19'].map(seizure);
    const rs = [valuateSeizure({ seizure: ss[0]!, price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'USD' }), valuateSeizure({ seizure: ss[1]!, price: TIMBER_USD_M3 }, { rates, reportingCurrency: 'USD' })];
    const text = describeCaseEstimate(caseEstimate(ss, rs, 'USD'));
    expect(text[0]).toBe('1 seizure was valued; the estimated total is USD 1,706,803.');
    expect(text).toContain('1 seizure has no valuation and is not included.');
    expect(text).toContain('1 seizure could not be valued and is not included:');
    expect(text.some((s) => s.startsWith('Seizure P28 could not be valued'))).toBe(true);
    expect(text).toContain('The authorities reported values totalling HKD 10,600,000. These are shown separately and are not added to the estimate.');
  });
  it('counts in the plural: seizures valued, not valued, and the low–high rule (catalogue, ICU plurals)', () => {
    const ss = ['P07', 'P08', 'P28', 'P19'].map(seizure);
    const rs = [valuateSeizure({ seizure: ss[0]!, price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'USD' }), valuateSeizure({ seizure: ss[1]!, price: IVORY_HKD_2017 }, { rates, reportingCurrency: 'USD' })];
    const text = describeCaseEstimate(caseEstimate(ss, rs, 'USD'));
    expect(text[0]).toMatch(/^2 seizures were valued; the estimated total is USD [\d,]+ – [\d,]+\.$|^2 seizures were valued; the estimated total is USD [\d,]+\.$/);
    expect(text[1]).toBe('The low total adds every seizure’s low value and the high total every seizure’s high value.');
    expect(text).toContain('2 seizures have no valuation and are not included.');
    expect(describeCaseEstimate(caseEstimate(ss, [], 'USD'))[0]).toBe('No seizure could be valued, so there is no estimated total.');
  });
  it('labels the flow as an assumption', () => {
    const text = describeFlow(undetectedFlow({ low: 10e6, high: 30e6, currency: 'USD' }, { low: 0.1, high: 0.3, basis: 'test assumption' }));
    expect(text[0]).toMatch(/^Assumption: seizures are 10–30 % of the flow/);
    expect(text[1]).toContain('USD 33,333,333 – 300,000,000');
    expect(text[2]).toMatch(/not evidence/);
  });
  it('cites every context figure and says it is not a NEST Desk figure', () => {
    const text = describeContext(CONTEXT_FIGURES);
    expect(text).toHaveLength(CONTEXT_FIGURES.length);
    for (const s of text) expect(s).toMatch(/not a NEST Desk figure/);
    expect(text[0]).toMatch(/^Illegal logging and trade \(forestry crime\): 50\.7–152 USD bn a year, published estimate \(Nellemann, C\. \(Editor in Chief\).*\(2016\)\. The Rise of Environmental Crime/);
    expect(text.at(-1)).toMatch(/110–281 USD bn a year.*World Atlas of Illicit Flows.*\[citation to be verified\]/);
  });
});
