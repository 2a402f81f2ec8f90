/**
 * Field rules shared by every record: calendar dates (leap years, month lengths), ISO codes.
 */
import { describe, expect, it } from 'vitest';
import { countryCodeSchema, currencyCodeSchema, isIsoDate } from '../../../shared/domain/fields';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2019-04-30', true],
    ['2019-04-31', false],
    ['2019-12-31', true],
    ['2019-13-01', false],
    ['2019-00-10', false],
    ['2019-01-00', false],
    ['0000-01-01', false],
    ['2019-4-3', false],
    ['2019-04-03T00:00', false],
    ['21.07.2019', false],
  ])('%s -> %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('ISO codes', () => {
  it('accept assigned ISO 3166-1 alpha-2 and ISO 4217 codes only', () => {
    expect(countryCodeSchema.safeParse('HK').success).toBe(true);
    expect(countryCodeSchema.safeParse('XX').success).toBe(false);
    expect(countryCodeSchema.safeParse('sg').success).toBe(false);
    expect(currencyCodeSchema.safeParse('SGD').success).toBe(true);
    expect(currencyCodeSchema.safeParse('ABC').success).toBe(false);
  });
});

describe('seizure dates', () => {
  it('must have happened: 1900 or later, and not in the future', async () => {
    const { pastDateSchema } = await import('../../../shared/domain/fields');
    expect(pastDateSchema.safeParse('2019-07-21').success).toBe(true);
    expect(pastDateSchema.safeParse(new Date().toISOString().slice(0, 10)).success).toBe(true);
    const r = pastDateSchema.safeParse('2100-01-01');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('is in the future');
    expect(pastDateSchema.safeParse('1899-12-31').error?.issues[0]?.message).toBe('must be 1900 or later');
  });
});
