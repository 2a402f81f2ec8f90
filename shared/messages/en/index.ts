/**
 * The English message catalogue: every user-facing sentence of NEST Desk, keyed by a stable id
 * (`area.what`), written in ICU MessageFormat (plurals, numbers, dates, selects). Add a sentence
 * to the area's file; never write a user-facing sentence at a call site.
 */
import { countMessages } from './counts';
import { errorMessages } from './errors';
import { uiDataMessages } from './ui-data';

/** Every message id with its English ICU pattern. */
export const en = {
  ...errorMessages,
  ...countMessages,
  ...uiDataMessages,
} as const;
