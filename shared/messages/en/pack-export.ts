/**
 * English messages of exporting and verifying case packs in the app (`pack.export.*`,
 * `pack.handling.*`, `pack.provenance.*`, `ui.packs.*`): the TLP 2.0 handling confirmation with
 * FIRST's definitions of who may receive the material, the marking written into every file, the
 * export and verify screens. The verifier's own sentences are in packs.ts.
 */
export const packExportMessages = {
  'pack.export.marking-line': 'TLP:{tlp} — {caseNumber} {file} — share only as TLP:{tlp} allows',
  'pack.export.zip-comment': 'TLP:{tlp} - NEST Desk case pack {caseNumber} - share only as TLP:{tlp} allows',
  'pack.export.blob-missing':
    '{count, plural, one {# attached file is} other {# attached files are}} not on this desktop, so the pack cannot be complete: {names}. Sync the case (or add the files again), then export again.',
  'pack.export.volumes-missing':
    '{count, plural, one {# volume} other {# volumes}} of this case’s seizures ({volumes}) {count, plural, one {has} other {have}} not reached this desktop yet, so the export cannot be complete. Sync the case, then export again.',
  'pack.export.blob-changed': 'The stored file {hash} no longer has its recorded content (its bytes now hash to {actual}): run “Verify files” on the case. The pack was not written.',
  'pack.staged-unknown': 'That pack is no longer waiting on this computer (packs are kept for an hour): export or upload it again.',
  'pack.verify.no-file': 'Choose a pack to verify.',
  'pack.download.not-yours': 'That pack was exported by someone else: only the member who exported it may download it.',
  'pack.export.confirmation-required': 'This case is marked TLP:{tlp}. Confirm who may receive the pack before exporting it.',
  'pack.export.not-a-zip-name': 'The pack must be saved as a .zip file.',
  'pack.handling.title': 'Export TLP:{tlp} material',
  'pack.handling.recipients.red':
    'TLP:RED — for the eyes and ears of individual recipients only, no further disclosure. Only the people you hand this pack to may read it; they may not share it with anyone else, not even inside their own organisation.',
  'pack.handling.recipients.amber-strict':
    'TLP:AMBER+STRICT — limited disclosure, restricted to the recipient’s organisation only. Recipients may share it on a need-to-know basis inside their organisation, and not with its clients or anyone outside it.',
  'pack.handling.confirm': 'I confirm that only these recipients will receive this pack',
  'pack.handling.recorded': 'Your confirmation ({name}, {at}) is recorded in the pack’s manifest, and every file of the pack carries the TLP:{tlp} marking.',
  'pack.provenance.unavailable.not-synced': 'This case has never been synced with a relay: the pack carries no relay provenance (who last changed each record according to the relay’s authenticated log is unavailable).',
  'pack.provenance.unavailable.relay-unreachable': 'The relay could not be reached: the pack carries no relay provenance.',
  'pack.provenance.unavailable.refused': 'The relay refused to give its update log of this case: the pack carries no relay provenance.',
  'pack.provenance.summary':
    'Relay provenance of {records, plural, one {# record} other {# records}} (relay log up to update {upToSeq}): {flagged, plural, =0 {every in-document attribution agrees with the relay} one {# record’s in-document attribution disagrees with the relay — see data/provenance.csv} other {# records’ in-document attributions disagree with the relay — see data/provenance.csv}}.',
  'ui.packs.export.item': 'Case pack…',
  'ui.packs.export.hint': 'Signed, for a court or a partner agency',
  'ui.packs.export.title': 'Export case pack — {caseNumber}',
  'ui.packs.export.scope': 'What to export',
  'ui.packs.export.whole': 'The whole case',
  'ui.packs.export.selection': 'A selection',
  'ui.packs.export.from': 'Seizures from (date)',
  'ui.packs.export.to': 'Seizures to (date)',
  'ui.packs.export.seizures-more': 'Showing the first {shown, number} of {total, number} by date; filter to find the others.',
  'ui.packs.export.seizures': 'Seizures ({count, plural, =0 {all in the date range} one {# chosen} other {# chosen}})',
  'ui.packs.export.exhibits': 'Exhibits ({count, plural, =0 {all of the kept seizures} one {# chosen} other {# chosen}})',
  'ui.packs.export.destination': 'Save as',
  'ui.packs.export.choose': 'Choose…',
  'ui.packs.export.browser-download': 'The pack is downloaded by your browser when it is ready.',
  'ui.packs.export.submit': 'Export',
  'ui.packs.export.progress': 'Writing the pack: {files, plural, one {# file} other {# files}}, {bytes, number} bytes',
  'ui.packs.export.done': 'Pack written: {path}',
  'ui.packs.export.not-stamped':
    '{count, plural, one {One attached PDF could not be read, so it is not in the Bates-numbered production} other {# attached PDFs could not be read, so they are not in the Bates-numbered production}}. The pack holds each original unchanged; production-notes.txt and the report list them.',
  'ui.packs.export.not-stamped-file': '{name} (cited by {exhibits})',
  'ui.packs.export.done-detail': '{files, plural, one {# file} other {# files}}, {bytes, number} bytes. Manifest SHA-256 fingerprint: {fingerprint}',
  'ui.packs.export.download': 'Download the pack',
  'ui.packs.verify.open': 'Verify a case pack',
  'ui.packs.verify.title': 'Verify a case pack',
  'ui.packs.verify.intro': 'Open a case pack (.zip) to check every file against its manifest, the exporting member’s signature and the workspace key that vouches for them.',
  'ui.packs.verify.choose': 'Open a pack…',
  'ui.packs.verify.running': 'Checking {file}…',
  'ui.packs.verify.signer': 'Signed by {name} ({agency}, {role}), member certificate of workspace {workspaceId}',
  'ui.packs.verify.trusted': 'This is the key of the workspace open in this app (Relay & members → Workspace key).',
  'ui.packs.verify.untrusted': 'This is not the key of the workspace open in this app: compare it with the fingerprint the exporting task force gave you (their Relay & members → Workspace key).',
  'ui.packs.verify.case': 'Case {number} — {title} (TLP:{tlp}), exported {exportedAt}',
} as const;
