/**
 * English sentences for the stable error codes of shared/errors.ts (`error.<code>`), shown to the
 * user beside the specific detail of the error.
 */
export const errorMessages = {
  'error.invalid-params': 'The request was not valid.',
  'error.unknown-method': 'The app asked the data service for something it does not know.',
  'error.validation': 'Some fields are not valid.',
  'error.not-found': 'That record does not exist (any more).',
  'error.no-identity': 'Create your identity first.',
  'error.read-only': 'You have read-only access here.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.unauthorized': 'Access refused: the token is missing, wrong or expired.',
  'error.database-too-new': 'This data was written by a newer version of NEST Desk. Update the app to open it; nothing was changed.',
  'error.database-corrupt': 'The local database could not be read.',
  'error.migration-failed': 'The local database could not be upgraded; nothing was changed.',
  'error.import-failed': 'The file could not be imported; nothing was imported.',
  'error.export-failed': 'The export could not be written.',
  'error.bad-frame': 'A malformed message was received.',
  'error.too-large': 'The message or file is too large.',
  'error.cancelled': 'Cancelled.',
  'error.internal': 'Something went wrong inside NEST Desk.',
} as const;
