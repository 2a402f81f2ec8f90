/**
 * English sentences for the relay's stable reason codes (docs/relay.md § Protocol):
 * - `relay.close.<name>`: each WebSocket close code, by its name in `CLOSE` written in kebab case
 *   (GOING_AWAY → `relay.close.going-away`);
 * - `relay.refused.<reason>`: each reason word the relay sends, as the body of a refused upgrade
 *   or the reason of a close (access refusals, token rejections, malformed messages, shutting down).
 * A test (test/shared/messages/relay-messages.test.ts) checks that every code has its sentence.
 */
export const relayMessages = {
  'relay.close.going-away': 'The relay is shutting down; NEST Desk reconnects when it is back.',
  'relay.close.too-big': 'A message was over the relay’s size limit; NEST Desk reconnects.',
  'relay.close.internal-error': 'The relay could not store the document; NEST Desk reconnects and sends its changes again.',
  'relay.close.try-again-later': 'The relay asked NEST Desk to reconnect later; it does so and catches up.',
  'relay.close.bad-message': 'The relay could not read a message from this computer, and closed the connection.',
  'relay.close.unauthorized': 'The relay no longer accepts your invitation: it has expired, or its key was withdrawn.',
  'relay.close.forbidden': 'You are no longer allowed to this document: you were removed, or the case was restricted.',
  'relay.close.refused': 'The relay refused a change that deletes what may not be deleted; nothing of it was stored, and your copy keeps it.',

  'relay.refused.workspace-not-set-up': 'The relay does not know this workspace yet: a workspace admin must connect first.',
  'relay.refused.not-a-member': 'You are not a member of this workspace on the relay.',
  'relay.refused.member-removed': 'You were removed from this workspace.',
  'relay.refused.no-case-access': 'You do not have access to this case.',
  'relay.refused.case-not-registered': 'The relay does not know this case yet: it is waiting for the case to be registered. NEST Desk sends the registration first and retries.',
  'relay.refused.not-your-registry': 'Only its member may change a case registry.',
  'relay.refused.missing-token': 'No invitation was given to the relay.',
  'relay.refused.malformed': 'The invitation could not be read.',
  'relay.refused.unknown-workspace': 'No key of this workspace is registered on the relay.',
  'relay.refused.unknown-key': 'The invitation is signed by a key the relay does not accept (withdrawn or unknown).',
  'relay.refused.bad-signature': 'The invitation’s signature does not verify.',
  'relay.refused.expired': 'The invitation has expired.',
  'relay.refused.bad-claims': 'The invitation is not valid.',
  'relay.refused.wrong-workspace': 'The invitation is for another workspace.',
  'relay.refused.bad-doc-name': 'The relay was asked for a document name it does not know.',
  'relay.refused.shutting-down': 'The relay is shutting down.',
  'relay.refused.unavailable': 'The relay’s storage is not available right now.',
  'relay.refused.storage-failure': 'The relay could not store the document.',
  'relay.refused.token-expired': 'Your invitation expired while you were connected.',
  'relay.refused.key-removed': 'The key your invitation was signed with was withdrawn.',
  'relay.refused.slow-consumer': 'This computer did not keep up with what the relay sent.',
  'relay.refused.pending-backlog': 'The relay reloaded the document to resolve missing changes.',
  'relay.refused.text-frame': 'A text message was sent where the relay expects binary ones.',
  'relay.refused.bad-frame': 'A message of an unknown kind was sent.',
  'relay.refused.bad-state-vector': 'A sync message could not be read.',
  'relay.refused.bad-update': 'A document update could not be read.',
  'relay.refused.bad-awareness': 'A presence update could not be read.',
  'relay.refused.awareness-too-large': 'A presence update was over 64 KiB.',
  'relay.refused.append-only': 'The relay refused a change that deletes audit or custody entries: these logs are append-only; a correction is a new entry.',
  'relay.refused.record-removal-denied': 'The relay refused a change that removes records for good: only workspace admins may; mark records deleted instead.',
  'relay.refused.mass-deletion': 'The relay refused a change that deletes many records at once and alerted the workspace admins; ask an admin to make it.',
} as const;
