/**
 * English messages about local storage (`storage.*`): the data folder lock and database
 * migrations. Versions and process ids are passed as text, so they print without grouping.
 */
export const storageMessages = {
  'storage.data-dir-in-use': 'NEST Desk (process {pid}) is already using the data folder {dir}. Close it first, or use the app instead.',
  'storage.data-dir-lock-failed': 'could not lock the data folder {dir}',
  'storage.schema-too-new':
    '{label} has schema version {version} but this version of NEST Desk knows only up to {latest}. Update NEST Desk to open it; nothing was changed.',
  'storage.migration-failed': '{label}: migration {migration} failed: {reason}',
  'storage.migration-misnamed': 'migration file {file} in {dir} is not named NNN_name.sql',
  'storage.migration-out-of-order': 'migration {file}: expected number {expected} (no gaps or repeats)',
  'storage.wrong-key': '{file} cannot be opened with this key: it was encrypted with another key, or it is not a NEST Desk database. Nothing was changed.',
  'storage.key-length': 'a data key must be 32 bytes, not {bytes}',
  'storage.encrypt-failed': '{file} could not be encrypted ({step}): {reason}. The clear original was kept; nothing was lost.',
} as const;
