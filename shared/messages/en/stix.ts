/**
 * English messages of the STIX 2.1 import (`stix.*`): why a file is not a bundle, and why one
 * object of a bundle was not imported (each listed in the import report with its id and type).
 */
export const stixMessages = {
  'stix.malformed-json': 'The file is not a STIX bundle: it is not valid JSON ({detail}).',
  'stix.not-a-bundle': 'The file is not a STIX 2.1 bundle: {detail}.',
  'stix.untitled-case': 'STIX bundle {bundleId}',
  'stix.reject.no-id': 'the object has no type or id',
  'stix.reject.duplicate-id': 'another object of the bundle has the same id (only the first is imported)',
  'stix.reject.unsupported-type': 'NEST Desk has no record for STIX objects of type {type}',
  'stix.reject.unknown-marking': 'the marking is not one of the official TLP 2.0 markings',
  'stix.reject.unknown-extension': 'the extension is not one NEST Desk understands',
  'stix.reject.extra-grouping': 'only one grouping (the case) is imported per bundle',
  'stix.reject.identity-class': 'an identity of class {identityClass} is neither a person nor an organisation',
  'stix.reject.incident-without-seizure': 'the incident carries no NEST seizure properties (commodity, date, country), so it cannot become a seizure',
  'stix.reject.invalid-record': 'its properties do not make a valid {kind}: {detail}',
  'stix.reject.empty-location': 'the location has no name or address to keep',
  'stix.reject.unknown-relationship': 'relationship type {relationshipType} has no NEST equivalent',
  'stix.reject.dangling-ref': 'it refers to {ref}, which was not imported as an entity or seizure',
  'stix.reject.source-not-entity': 'a link must start at an entity, but {ref} is not one',
} as const;
