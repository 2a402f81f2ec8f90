/**
 * UI labels of the domain vocabularies that shared/domain does not label itself (date and
 * location precision, CITES appendices) plus helpers to turn code lists into <select> options.
 */
import type { DatePrecision, LocationPrecision } from '../../../shared/domain/codes';

/** Labels of date precisions. */
export const DATE_PRECISION_LABELS: Record<DatePrecision, string> = { day: 'Exact day', month: 'Month only', year: 'Year only' };

/** Labels of location precisions: what the coordinates stand for. */
export const LOCATION_PRECISION_LABELS: Record<LocationPrecision, string> = {
  exact: 'Exact spot',
  city: 'City centroid',
  port: 'Port / airport',
  region: 'Region (approximate)',
  country: 'Country centroid',
};

/** Common ISO 4217 currencies of reported values, offered first in currency inputs. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'SGD', 'HKD', 'CNY', 'VND', 'THB', 'MYR', 'IDR', 'PHP', 'INR', 'JPY', 'AUD', 'KES', 'TZS', 'ZAR', 'NGN', 'BRL', 'CAD'];
