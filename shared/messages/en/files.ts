/**
 * English messages of attached files and their blobs (`file.*`, `blob.*`, `ui.files.*`).
 */
export const fileMessages = {
  'file.too-large': 'The file is {size, number} bytes; files of at most {max, number} bytes are accepted',
  'file.not-a-file': '{name} is not a readable file',
  'blob.bad-hash': '"{hash}" is not a SHA-256 hash',
  'blob.hash-mismatch': 'The received bytes do not have the announced hash',
  'blob.bad-range': 'The upload does not continue where the stored part ends (byte {offset, number})',
  'blob.not-referenced': 'This case has no file with that hash',
  'ui.files.verify-result':
    '{changed, plural, =0 {} one {# file changed. } other {# files changed. }}{missing, plural, =0 {} one {# file missing. } other {# files missing. }}{ok, plural, one {# file verified} other {# files verified}}',
  'ui.files.status.waiting': 'Waiting',
  'ui.files.status.uploading': 'Uploading {percent, number}%',
  'ui.files.status.on-relay': 'On the relay',
  'ui.files.status.downloading': 'Downloading {percent, number}%',
  'ui.files.status.verified': 'Verified',
  'ui.files.status.failed': 'Failed: {reason}',
  // Blob sync with the relay (service/blob-sync/): why a file failed or waits.
  'file.sync.no-relay': 'This workspace does not sync through a relay',
  'file.sync.no-case-access': 'You do not have access to this case on the relay',
  'file.sync.read-only': 'You may only read this case, so its files are not uploaded from here',
  'file.sync.not-referenced': 'The relay does not list this file in the case yet',
  'file.sync.unauthorized': 'The relay did not accept your sign-in ({reason})',
  'file.sync.corrupt': 'The downloaded bytes did not match the file’s SHA-256; they were discarded',
  'file.sync.relay-refused-bytes': 'The relay refused the uploaded bytes: they did not match the file’s SHA-256',
  'file.sync.too-large': 'The relay does not accept a file this large',
  'file.sync.unreachable': 'The relay could not be reached ({detail})',
  'file.sync.relay-error': 'The relay answered with an error (HTTP {status, number})',
  'file.sync.missing-everywhere': 'Neither this desktop nor the relay has the file yet: the desktop that added it has not uploaded it',
  'file.sync.not-local': 'This desktop does not hold the file',
  'file.sync.unknown-file': 'This case has no such file',
  'ui.files.status.on-relay-only': 'On the relay (not on this desktop)',
  'ui.files.keep-offline': 'Keep files offline',
  'ui.files.keep-offline.hint': 'Download every file of this case to this desktop, for work without a connection',
} as const;
