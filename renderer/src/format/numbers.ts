/**
 * Number formatting: counts, quantities with their unit, and money in its own ISO 4217
 * currency (reported values are never converted here). Locale en-GB for thousands separators.
 */
import type { QuantityUnit } from '../../../shared/domain/codes';
import { t } from '../../../shared/messages';
import { currencyDigits } from '../../../shared/domain/iso';

const LOCALE = 'en-GB';

/** An integer count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return n.toLocaleString(LOCALE, { maximumFractionDigits: 0 });
}

/** A number with up to `digits` decimals: 11.9, 1,250. */
export function formatNumber(n: number, digits = 3): string {
  return n.toLocaleString(LOCALE, { maximumFractionDigits: digits });
}

/** A quantity with its unit, the unit's plural from the catalogue: "11.9 t", "1 piece", "300 pieces"; "—" when not known. */
export function formatQuantity(quantity: number | null, unit: QuantityUnit | null): string {
  if (quantity === null) return '—';
  const value = formatNumber(quantity);
  return unit === null ? value : t(`count.unit.${unit}`, { count: quantity, value });
}

/** An amount in its ISO 4217 currency: "SGD 48,600,000"; "—" when not reported. */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  const digits = currency ? currencyDigits(currency) : 2;
  const text = amount.toLocaleString(LOCALE, { minimumFractionDigits: 0, maximumFractionDigits: digits });
  return currency ? `${currency} ${text}` : text;
}

/** A large amount in short form: "SGD 48.6 M", "USD 120 k". */
export function formatMoneyShort(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  const [div, suffix] = abs >= 1e9 ? [1e9, ' bn'] : abs >= 1e6 ? [1e6, ' M'] : abs >= 1e4 ? [1e3, ' k'] : [1, ''];
  return `${currency} ${(amount / div).toLocaleString(LOCALE, { maximumFractionDigits: div === 1 ? 0 : 1 })}${suffix}`;
}

/** A latitude/longitude pair as "1.2740° N, 103.7640° E". */
export function formatCoordinates(lat: number, lon: number): string {
  const f = (v: number, pos: string, neg: string): string => `${Math.abs(v).toFixed(4)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}
