/**
 * UI labels of the domain vocabularies that shared/domain does not label itself (date and
 * location precision), read from the catalogue (`ui.domain.*`) when read, and the currencies
 * offered first in currency inputs.
 */
import type { DatePrecision, LocationPrecision } from '../../../shared/domain/codes';
import { DATE_PRECISION_LABEL_IDS, LOCATION_PRECISION_LABEL_IDS } from '../../../shared/domain/precision-labels';
import { messageLabels } from '../format/message-labels';

/** Labels of date precisions ("Exact day"). */
export const DATE_PRECISION_LABELS: Readonly<Record<DatePrecision, string>> = messageLabels<DatePrecision>(DATE_PRECISION_LABEL_IDS);

/** Labels of location precisions: what the coordinates stand for ("City centroid"). */
export const LOCATION_PRECISION_LABELS: Readonly<Record<LocationPrecision, string>> = messageLabels<LocationPrecision>(LOCATION_PRECISION_LABEL_IDS);

/** Common ISO 4217 currencies of reported values, offered first in currency inputs. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'SGD', 'HKD', 'CNY', 'VND', 'THB', 'MYR', 'IDR', 'PHP', 'INR', 'JPY', 'AUD', 'KES', 'TZS', 'ZAR', 'NGN', 'BRL', 'CAD'];
