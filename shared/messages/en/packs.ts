/**
 * English messages of case packs (`pack.*`): the verifier's verdict and each difference it finds,
 * worded for a prosecutor or a court clerk, not a programmer. Sizes are bytes; key ids are RFC 7638
 * thumbprints (what the app shows under Relay & members → Workspace key).
 */
export const packMessages = {
  'pack.verify.ok':
    'VERIFIED: {file} is complete and unaltered ({counts}); signed by {name} ({agency}), whose key the workspace key {kid} vouches for.',
  /** What a pack holds, in the export's result and the verifier's verdict alike (shared/packs/pack-counts.ts; issue 11). */
  'pack.counts':
    '{entries, plural, one {# file} other {# files}} in the pack ({zipBytes, number} bytes); {files, plural, one {# file} other {# files}} ({fileBytes, number} bytes uncompressed) covered by the signed manifest',
  'pack.verify.marking': 'Signed handling marking: TLP:{tlp} (the marking in the ZIP comment and file name is not signed).',
  'pack.verify.intact-untrusted':
    'NOT CONFIRMED: {file} is intact and signed by {name} ({agency}) under workspace key {kid}, but no trusted workspace key was given. Compare that key id with your workspace’s, or pass --workspace-key <file>.',
  'pack.verify.failed': 'FAILED: {file} does not verify. {count, plural, one {# difference} other {# differences}}:',
  'pack.problem.unreadable': 'the file is not a readable ZIP ({detail})',
  'pack.problem.entry-unreadable': '{path}: cannot be read ({detail})',
  'pack.problem.no-manifest': 'manifest.json is missing',
  'pack.problem.bad-manifest': 'manifest.json is not a valid manifest ({detail})',
  'pack.problem.manifest-not-canonical': 'manifest.json was rewritten after export (it is not in the exact form the app writes)',
  'pack.problem.no-signature': 'manifest.sig is missing: nobody vouches for this pack',
  'pack.problem.bad-signature-file': 'manifest.sig is not a valid signature file ({detail})',
  'pack.problem.signature-invalid': 'the signature does not match manifest.json: the manifest was changed after signing, or the signature is not the member’s',
  'pack.problem.certificate-invalid': 'the member certificate is not signed by the workspace key in the pack ({detail})',
  'pack.problem.certificate-key-mismatch': 'the pack was signed with a key the member certificate does not name',
  'pack.problem.workspace-key-mismatch': 'signed under workspace key {actualKid}, not the trusted key {expectedKid}',
  'pack.problem.changed': '{path}: changed (manifest: {expectedSize, number} bytes, SHA-256 {expectedSha256}; found: {actualSize, number} bytes, SHA-256 {actualSha256})',
  'pack.problem.missing': '{path}: listed in the manifest but not in the pack',
  'pack.problem.extra': '{path}: in the pack but not in the manifest',
  'pack.problem.duplicate': '{path}: appears more than once',
  /** A file path with the original name the manifest gives it (exhibits are stored by hash). */
  'pack.problem.path-named': '{path} (original name “{name}”)',
  'pack.problem.unsafe-name':
    '{path}: unsafe file name ({reason, select, absolute {an absolute path} parent {climbs out of its folder with ..} backslash {holds a backslash, which some unzip tools treat as a folder separator} bidi {holds a bidirectional formatting character, which makes it display as another name} overlong {is longer than 400 characters} other {holds a control character}}): unpacking it could write outside the pack’s folder; the app never writes such a name, so it was added after export',
  /** A warning: the pack still verifies; the signed marking holds. */
  'pack.warning.marking-mismatch':
    'WARNING: the {where, select, comment {ZIP comment} other {file name}} says TLP:{found}, but the signed manifest says TLP:{signed}. Only the signed marking counts: handle this pack as TLP:{signed}.',
  'pack.no-member-record': 'This desktop has not received your member record from the relay yet: sync the workspace, then export again.',
  'pack.awaiting-certificate':
    'Your signing key is not yet vouched for by the workspace. It has been sent to the workspace admins; the admin desktop that holds the workspace key vouches for it the next time it syncs with the relay. Try again after that.',
  'pack.cli.usage':
    'Usage: npm run verify -- <pack.zip> [--workspace-key <file|JWK>] [--json]\n\nChecks a NEST Desk case pack: every file against the manifest (size and SHA-256), the file list both ways, the member’s signature of the manifest and the workspace key’s certificate for the member.\n  --workspace-key K  the workspace public key you trust (a .pub.jwk file or its JSON text)\n  --json             print the full report as JSON\nExit status: 0 verified; 1 a difference was found; 2 a usage error; 3 intact but not confirmed (no trusted key given).',
  'pack.cli.no-file': 'give the pack to check: npm run verify -- <pack.zip>',
  'pack.cli.cannot-open': 'cannot open {file} ({reason})',
  'pack.cli.bad-key': '--workspace-key: {reason}',
  'pack.cli.key-file-missing': 'the file {file} does not exist (give the workspace key as a .pub.jwk file or its JSON text)',
  'pack.cli.is-directory': '{file} is a directory, not a file: give the pack’s .zip file',
  'pack.cli.one-pack': 'give one pack at a time ({count, number} were given: {files})',
  'pack.production.notes-heading':
    '{marking} Production notes: {count, plural, one {# attached PDF is} other {# attached PDFs are}} not in this production (not Bates-stamped). The originals are in the pack as recorded at intake.',
  'pack.production.not-stamped': 'NOT PRODUCED: {name} (cited by {exhibits}) could not be read as PDF (damaged, truncated or encrypted); original: {path}',
} as const;
