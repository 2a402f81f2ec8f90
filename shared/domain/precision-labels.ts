/**
 * The catalogue ids of date and location precision labels ("Exact day", "City centroid"), declared
 * once: the renderer's label tables (renderer/src/domain/labels.ts) and the history sentences
 * (shared/activity/field-values.ts) both read them.
 */
import type { MessageId } from '../messages';
import type { DatePrecision, LocationPrecision } from './codes';

/** Date precision → label id. */
export const DATE_PRECISION_LABEL_IDS: Readonly<Record<DatePrecision, MessageId>> = {
  day: 'ui.domain.date-day',
  month: 'ui.domain.date-month',
  year: 'ui.domain.date-year',
};

/** Location precision → label id. */
export const LOCATION_PRECISION_LABEL_IDS: Readonly<Record<LocationPrecision, MessageId>> = {
  exact: 'ui.domain.location-exact',
  city: 'ui.domain.location-city',
  port: 'ui.domain.location-port',
  region: 'ui.domain.location-region',
  country: 'ui.domain.location-country',
};
