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
} as const;
